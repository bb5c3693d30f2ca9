"""HTML pasted into a story brings its pictures in as the story's own (newsdesk/pasted.py):
a data: URI's and a file: URL's bytes are stored as 插入图片 stores them; a picture on
the web, a file that is no picture, and the database's own files are left out, said."""
import base64
from pathlib import Path

from newsdesk import pasted

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42m"
                       "NkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")


def test_pictures_on_this_computer_are_stored_and_web_ones_left_out(demo_store, tmp_path):
    user = demo_store.users.find("chenlu")
    (tmp_path / "clip_image001.png").write_bytes(PNG + b"\0")
    (tmp_path / "not-a-picture.png").write_text("文字", "utf-8")
    html = (f'<p>第一段。</p><p><img src="data:image/png;base64,{base64.b64encode(PNG).decode()}"'
            ' alt="示意图"></p>'
            f'<figure><img src="{(tmp_path / "clip_image001.png").as_uri()}" alt="会场">'
            '<figcaption>开幕式现场。（记者 刘海涛 摄）</figcaption></figure>'
            '<p><img src="https://img.example.cn/a.jpg" alt="网图">第二段。</p>'
            f'<p><img src="{(tmp_path / "not-a-picture.png").as_uri()}"></p>'
            f'<p><img src="{Path(demo_store.path).as_uri()}"></p>')
    result = pasted.paste_html(demo_store, html, user)
    ids = {a["filename"]: a["id"] for a in demo_store.assets.all()}
    assert result.markdown == "\n\n".join([
        "第一段。", f"![示意图](assets/{ids['pasted.png']}.png)",
        f'![会场](assets/{ids["clip_image001.png"]}.png "开幕式现场。（记者 刘海涛 摄）")',
        "第二段。"])
    assert len(result.left_out) == 3
    assert "https://img.example.cn/a.jpg" in result.left_out[0]
    assert "not-a-picture.png is not a picture" in result.left_out[1]
    assert "file of the newsroom's database" in result.left_out[2]
