<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminDialog</name>
    <message>
        <location filename="../../ui/admin/admin_dialog.py" line="19"/>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <location filename="../../ui/admin/admin_dialog.py" line="26"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/admin/admin_dialog.py" line="27"/>
        <source>Channels</source>
        <translation>栏目</translation>
    </message>
    <message>
        <location filename="../../ui/admin/admin_dialog.py" line="28"/>
        <source>Topics</source>
        <translation>专题</translation>
    </message>
    <message>
        <location filename="../../ui/admin/admin_dialog.py" line="29"/>
        <source>Site settings</source>
        <translation>网站设置</translation>
    </message>
    <message>
        <location filename="../../ui/admin/admin_dialog.py" line="30"/>
        <source>Publish targets</source>
        <translation>发布目标</translation>
    </message>
    <message>
        <location filename="../../ui/admin/admin_dialog.py" line="34"/>
        <source>Read only: only an admin changes users, channels, topics and site settings.</source>
        <translation>只读：只有管理员可以修改用户、栏目、专题和网站设置。</translation>
    </message>
</context>
<context>
    <name>ArticleTableModel</name>
    <message>
        <location filename="../../ui/article_model.py" line="52"/>
        <source>Headline</source>
        <translation>主标题</translation>
    </message>
    <message>
        <location filename="../../ui/article_model.py" line="52"/>
        <source>Channel</source>
        <translation>栏目</translation>
    </message>
    <message>
        <location filename="../../ui/article_model.py" line="52"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/article_model.py" line="52"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/article_model.py" line="53"/>
        <location filename="../../ui/article_model.py" line="58"/>
        <source>Return reason</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <location filename="../../ui/article_model.py" line="58"/>
        <source>Where it matched</source>
        <translation>匹配内容</translation>
    </message>
</context>
<context>
    <name>BinDialog</name>
    <message>
        <location filename="../../ui/bin_dialog.py" line="23"/>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../ui/bin_dialog.py" line="26"/>
        <source>Headline</source>
        <translation>主标题</translation>
    </message>
    <message>
        <location filename="../../ui/bin_dialog.py" line="26"/>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <location filename="../../ui/bin_dialog.py" line="27"/>
        <source>By</source>
        <translation>删除人</translation>
    </message>
    <message>
        <location filename="../../ui/bin_dialog.py" line="34"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/bin_dialog.py" line="35"/>
        <source>Empty the bin…</source>
        <translation>清空回收站…</translation>
    </message>
    <message>
        <location filename="../../ui/bin_dialog.py" line="37"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/bin_dialog.py" line="38"/>
        <source>Drafts that were never submitted, kept %1 days after they were deleted.</source>
        <translation>从未送审的草稿，删除后保留 %1 天。</translation>
    </message>
    <message>
        <location filename="../../ui/bin_dialog.py" line="77"/>
        <source>Not restored</source>
        <translation>未恢复</translation>
    </message>
    <message>
        <location filename="../../ui/bin_dialog.py" line="83"/>
        <source>Empty the bin</source>
        <translation>清空回收站</translation>
    </message>
    <message>
        <location filename="../../ui/bin_dialog.py" line="84"/>
        <source>Delete the %1 drafts in the bin for good?</source>
        <translation>永久删除回收站中的 %1 篇草稿？</translation>
    </message>
    <message>
        <location filename="../../ui/bin_dialog.py" line="90"/>
        <source>Not emptied</source>
        <translation>未清空</translation>
    </message>
</context>
<context>
    <name>BodyEdit</name>
    <message>
        <location filename="../../ui/editor/body_edit.py" line="388"/>
        <source>Picture text (alt, caption, credit)…</source>
        <translation>图片文字（替代文字、说明、摄影）…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/body_edit.py" line="390"/>
        <source>Replace the picture…</source>
        <translation>更换图片…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/body_edit.py" line="392"/>
        <source>Remove the picture</source>
        <translation>删除图片</translation>
    </message>
</context>
<context>
    <name>ChannelDialog</name>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="23"/>
        <source>Add a channel</source>
        <translation>新建栏目</translation>
    </message>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="27"/>
        <source>https://… (a link channel only)</source>
        <translation>https://…（仅外链栏目）</translation>
    </message>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="29"/>
        <source>(top level)</source>
        <translation>（顶级）</translation>
    </message>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="36"/>
        <source>Slug (path)</source>
        <translation>路径名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="37"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="38"/>
        <source>Under</source>
        <translation>上级栏目</translation>
    </message>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="39"/>
        <source>Links to</source>
        <translation>链接到</translation>
    </message>
</context>
<context>
    <name>ChannelsTab</name>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="51"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="51"/>
        <source>Slug (path)</source>
        <translation>路径名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="52"/>
        <source>Links to</source>
        <translation>链接到</translation>
    </message>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="54"/>
        <source>Add…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="55"/>
        <source>Rename…</source>
        <translation>改名…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="56"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="56"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="57"/>
        <source>Move under…</source>
        <translation>移到…下</translation>
    </message>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="58"/>
        <source>Link…</source>
        <translation>外链…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="101"/>
        <source>Not added</source>
        <translation>未添加</translation>
    </message>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="109"/>
        <source>Rename a channel</source>
        <translation>栏目改名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="110"/>
        <source>New name (its path on the site stays):</source>
        <translation>新名称（网站路径不变）：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="113"/>
        <source>Not renamed</source>
        <translation>未改名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="119"/>
        <location filename="../../ui/admin/channels_tab.py" line="133"/>
        <source>Not moved</source>
        <translation>未移动</translation>
    </message>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="126"/>
        <source>(top level)</source>
        <translation>（顶级）</translation>
    </message>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="128"/>
        <source>Move a channel</source>
        <translation>移动栏目</translation>
    </message>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="129"/>
        <source>Put it under (paths on the site do not change):</source>
        <translation>移到哪个栏目下（网站路径不变）：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="140"/>
        <source>Link channel</source>
        <translation>外链栏目</translation>
    </message>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="141"/>
        <source>The address it links to (empty: a list of stories again):</source>
        <translation>链接地址（留空则恢复为稿件列表栏目）：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/channels_tab.py" line="144"/>
        <source>Not changed</source>
        <translation>未修改</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="26"/>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="30"/>
        <source>Story</source>
        <translation>稿件</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="30"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="30"/>
        <source>Standing</source>
        <translation>现行版本</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="31"/>
        <source>The other version</source>
        <translation>另一版本</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="31"/>
        <source>Changed by, when</source>
        <translation>改动人、时间</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="39"/>
        <source>Two seats changed the same place at once: the later change stands, the other is kept here until someone settles it.</source>
        <translation>两台电脑同时改了同一处：以后改的为准，另一处改动保留在这里，等人处理。</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="42"/>
        <source>Keep what stands</source>
        <translation>保留现行版本</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="43"/>
        <source>Take the other version</source>
        <translation>采用另一版本</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="44"/>
        <source>Merge in the editor…</source>
        <translation>在编辑器中合并…</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="45"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="69"/>
        <source>%1&apos;s account</source>
        <translation>%1的账户</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="113"/>
        <source>Not settled</source>
        <translation>未能处理</translation>
    </message>
</context>
<context>
    <name>CoverButton</name>
    <message>
        <location filename="../../ui/editor/meta_form.py" line="32"/>
        <source>Change the cover…</source>
        <translation>更换封面…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/meta_form.py" line="32"/>
        <source>Cover image…</source>
        <translation>选择封面图片…</translation>
    </message>
</context>
<context>
    <name>EditorPane</name>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="52"/>
        <source>Headline</source>
        <translation>主标题</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="55"/>
        <source>no topics yet</source>
        <translation>尚无专题</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="66"/>
        <source>Original</source>
        <translation>原创</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="67"/>
        <source>Reprint</source>
        <translation>转载</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="73"/>
        <source>Take over</source>
        <translation>接手编辑</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="74"/>
        <source>Recall (撤回)</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="75"/>
        <source>Correct (更正)…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="76"/>
        <source>Approve…</source>
        <translation>签审通过…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="77"/>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="80"/>
        <source>Submit for review</source>
        <translation>送审</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="81"/>
        <location filename="../../ui/editor/editor_pane.py" line="84"/>
        <source>Kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="82"/>
        <location filename="../../ui/editor/editor_pane.py" line="85"/>
        <source>Subtitle</source>
        <translation>副标题</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="86"/>
        <source>Origin</source>
        <translation>稿件来源</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="92"/>
        <source>Source (来源)</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="93"/>
        <source>Original title</source>
        <translation>原标题</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="94"/>
        <source>Original author</source>
        <translation>原作者</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="527"/>
        <source>The publish time is not a date and time (like 2026-12-01 09:00): correct or clear it, then submit.</source>
        <translation>发布时间格式不对（应为 2026-12-01 09:00 这样的日期和时间），请改正或清空后再送审。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="537"/>
        <source>Your changes could not be saved, so the story was not sent for review; they are still here. %1</source>
        <translation>您的修改未能保存，稿件没有送审；修改仍在编辑器中。%1</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="87"/>
        <source>Reporters</source>
        <translation>记者</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="60"/>
        <source>Empty: filled in when published</source>
        <translation>留空则发布时填入</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="62"/>
        <source>Year-month-day hour:minute (年-月-日 时:分). Empty: the time it is published; a time still to come holds it until then.</source>
        <translation>格式：年-月-日 时:分。留空则填入发布时的时间；填写将来的时间，稿件到时才发布。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="88"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="89"/>
        <source>Topics (专题)</source>
        <translation>专题</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="90"/>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="91"/>
        <source>Publish at</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="107"/>
        <source>Insert image…</source>
        <translation>插入图片…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="108"/>
        <source>Revisions…</source>
        <translation>历史版本…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="109"/>
        <source>Pictures…</source>
        <translation>图片…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="273"/>
        <source>You took this story over from %1; they have been told.</source>
        <translation>您已从%1手中接手本稿，对方会收到提示。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="276"/>
        <source>%1 is editing this story (last seen %2). It is read-only here until you take it over.</source>
        <translation>%1 正在编辑本稿（最后活动 %2）。接手之前，这里只读。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="291"/>
        <source>Returned at %1 by %2 (%3): %4</source>
        <translation>%1 %2 退回（%3）：%4</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="295"/>
        <source>Published: read-only. To change it, start a correction (更正).</source>
        <translation>已发布：只读。如需修改，请发起更正。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="298"/>
        <source>%1: read-only.</source>
        <translation>%1：只读。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="313"/>
        <source>Not a topic, so not saved: %1 (topics: %2)</source>
        <translation>不是已有专题，不会保存：%1（现有专题：%2）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="338"/>
        <source>Required for a reprint</source>
        <translation>转载稿必填</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="339"/>
        <source>%1 (default)</source>
        <translation>%1（默认）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="341"/>
        <source>Empty: the page prints %1 as 来源</source>
        <translation>留空时，页面来源印为“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="441"/>
        <source>Accept finding</source>
        <translation>接受此项提示</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="442"/>
        <source>Why is this right here?</source>
        <translation>为什么这里可以保留？</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="448"/>
        <source>Not accepted</source>
        <translation>未能接受</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="454"/>
        <source>Insert image</source>
        <translation>插入图片</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="471"/>
        <source>Cover image</source>
        <translation>封面图片</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="493"/>
        <source>Pictures not pasted: %1</source>
        <translation>有图片未粘贴进来：%1</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="508"/>
        <source>Replace the picture</source>
        <translation>更换图片</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="521"/>
        <source>Not restored</source>
        <translation>未能恢复</translation>
    </message>
    <message>
        <location filename="../../ui/editor/editor_pane.py" line="526"/>
        <location filename="../../ui/editor/editor_pane.py" line="533"/>
        <location filename="../../ui/editor/editor_pane.py" line="536"/>
        <source>Not submitted</source>
        <translation>未能送审</translation>
    </message>
</context>
<context>
    <name>EntryPage</name>
    <message>
        <location filename="../../ui/check_lists.py" line="36"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/check_lists.py" line="37"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/check_lists.py" line="39"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../ui/check_lists.py" line="40"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../ui/check_lists.py" line="41"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../ui/check_lists.py" line="48"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/check_lists.py" line="61"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/check_lists.py" line="61"/>
        <source>Titles (joined with 、)</source>
        <translation>职务（以、分隔）</translation>
    </message>
    <message>
        <location filename="../../ui/check_lists.py" line="61"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/check_lists.py" line="62"/>
        <source>Protected names (重要人名), in the order leaders are named. 机审 blocks a name typed with a homophone, or one character off next to its title, and warns of a title that is not theirs or of leaders named out of this order.</source>
        <translation>重要人名，按领导排名顺序排列。机审遇到同音错写的人名，或紧挨职务却错了一个字的人名时阻止送审；职务与名单不符、多位领导未按此顺序排列时给出提醒。</translation>
    </message>
    <message>
        <location filename="../../ui/check_lists.py" line="67"/>
        <source>Wrong</source>
        <translation>错误写法</translation>
    </message>
    <message>
        <location filename="../../ui/check_lists.py" line="67"/>
        <source>Right</source>
        <translation>正确写法</translation>
    </message>
    <message>
        <location filename="../../ui/check_lists.py" line="67"/>
        <source>Source</source>
        <translation>出处</translation>
    </message>
    <message>
        <location filename="../../ui/check_lists.py" line="68"/>
        <source>The outlet&apos;s own misspellings (易错词), added to the %1 pairs Newsdesk ships. A wrong form with no correction turns a shipped pair off.</source>
        <translation>本社自定的易错词，与 Newsdesk 内置的 %1 组一起使用。只填错误写法、不填正确写法，即可停用一组内置词。</translation>
    </message>
    <message>
        <location filename="../../ui/check_lists.py" line="71"/>
        <source>Word</source>
        <translation>词语</translation>
    </message>
    <message>
        <location filename="../../ui/check_lists.py" line="71"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/check_lists.py" line="72"/>
        <source>Words kept in traditional characters (a name, a Hong Kong company): 机审 does not flag them as 繁简混用.</source>
        <translation>保留繁体字的词语（人名、香港公司名等）：机审不把它们算作繁简混用。</translation>
    </message>
    <message>
        <location filename="../../ui/check_lists.py" line="114"/>
        <location filename="../../ui/check_lists.py" line="121"/>
        <location filename="../../ui/check_lists.py" line="124"/>
        <source>Import list</source>
        <translation>导入名单</translation>
    </message>
    <message>
        <location filename="../../ui/check_lists.py" line="115"/>
        <location filename="../../ui/check_lists.py" line="135"/>
        <source>Text files (*.txt *.tsv)</source>
        <translation>文本文件 (*.txt *.tsv)</translation>
    </message>
    <message>
        <location filename="../../ui/check_lists.py" line="133"/>
        <location filename="../../ui/check_lists.py" line="141"/>
        <location filename="../../ui/check_lists.py" line="144"/>
        <source>Export list</source>
        <translation>导出名单</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/search_bar.py" line="33"/>
        <source>All channels</source>
        <translation>全部栏目</translation>
    </message>
    <message>
        <location filename="../../ui/search_bar.py" line="35"/>
        <source>Anyone</source>
        <translation>不限人员</translation>
    </message>
    <message>
        <location filename="../../ui/search_bar.py" line="39"/>
        <source>Any state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/search_bar.py" line="42"/>
        <source>Original or reprint</source>
        <translation>原创/转载</translation>
    </message>
    <message>
        <location filename="../../ui/search_bar.py" line="43"/>
        <source>Original</source>
        <translation>原创</translation>
    </message>
    <message>
        <location filename="../../ui/search_bar.py" line="44"/>
        <source>Reprint</source>
        <translation>转载</translation>
    </message>
    <message>
        <location filename="../../ui/search_bar.py" line="45"/>
        <source>Any topic</source>
        <translation>全部专题</translation>
    </message>
    <message>
        <location filename="../../ui/search_bar.py" line="48"/>
        <source>With or without pictures</source>
        <translation>有无图片</translation>
    </message>
    <message>
        <location filename="../../ui/search_bar.py" line="49"/>
        <source>With pictures</source>
        <translation>有图片</translation>
    </message>
    <message>
        <location filename="../../ui/search_bar.py" line="50"/>
        <source>Without pictures</source>
        <translation>无图片</translation>
    </message>
    <message>
        <location filename="../../ui/search_bar.py" line="51"/>
        <source>Newest first</source>
        <translation>最新在前</translation>
    </message>
    <message>
        <location filename="../../ui/search_bar.py" line="52"/>
        <source>Most relevant</source>
        <translation>相关度</translation>
    </message>
    <message>
        <location filename="../../ui/search_bar.py" line="54"/>
        <source>From 2026-01-01</source>
        <translation>起 2026-01-01</translation>
    </message>
    <message>
        <location filename="../../ui/search_bar.py" line="55"/>
        <source>To 2026-12-31</source>
        <translation>止 2026-12-31</translation>
    </message>
    <message>
        <location filename="../../ui/search_bar.py" line="56"/>
        <source>Source (来源)</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/search_bar.py" line="61"/>
        <source>Save search…</source>
        <translation>保存搜索…</translation>
    </message>
    <message>
        <location filename="../../ui/search_bar.py" line="116"/>
        <source>%1 stories</source>
        <translation>%1 篇</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../ui/editor/find_bar.py" line="19"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../ui/editor/find_bar.py" line="20"/>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <location filename="../../ui/editor/find_bar.py" line="31"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../../ui/editor/find_bar.py" line="33"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../ui/editor/find_bar.py" line="34"/>
        <source>Replace all</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <location filename="../../ui/editor/find_bar.py" line="32"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/editor/find_bar.py" line="69"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../ui/editor/find_bar.py" line="92"/>
        <source>%1 replaced</source>
        <translation>已替换 %1 处</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../ui/editor/findings.py" line="52"/>
        <source>… and %1 more: fix these first</source>
        <translation>……另有 %1 处：请先改正以上各处</translation>
    </message>
    <message>
        <location filename="../../ui/editor/findings.py" line="58"/>
        <source>Suggested: “%1”</source>
        <translation>建议改为：“%1”</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../ui/editor/findings.py" line="76"/>
        <source>Apply fix</source>
        <translation>一键修正</translation>
    </message>
    <message>
        <location filename="../../ui/editor/findings.py" line="77"/>
        <source>Accept…</source>
        <translation>接受…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/findings.py" line="80"/>
        <source>Machine checks</source>
        <translation>机审结果</translation>
    </message>
</context>
<context>
    <name>FolderField</name>
    <message>
        <location filename="../../ui/admin/setting_fields.py" line="41"/>
        <source>Choose a folder…</source>
        <translation>选择文件夹…</translation>
    </message>
</context>
<context>
    <name>FoundDialog</name>
    <message>
        <location filename="../../ui/found_dialog.py" line="21"/>
        <source>Found a newsroom of many PCs</source>
        <translation>建立多机编辑部</translation>
    </message>
    <message>
        <location filename="../../ui/found_dialog.py" line="23"/>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/found_dialog.py" line="31"/>
        <source>This database&apos;s stories, sign-offs, users, channels and settings are written into the newsroom&apos;s shared repository: a new folder on the office server, or an empty repository on a server. This PC becomes the one that publishes. Other PCs then join from the sign-in window (Join a newsroom).</source>
        <translation>本库的稿件、审核记录、用户、栏目和设置将写入编辑部的共享仓库：办公室服务器上的一个新文件夹，或服务器上的一个空仓库。本机成为发布机。其他电脑随后在登录窗口点“加入编辑部”。</translation>
    </message>
    <message>
        <location filename="../../ui/found_dialog.py" line="35"/>
        <source>Found</source>
        <translation>建立</translation>
    </message>
    <message>
        <location filename="../../ui/found_dialog.py" line="35"/>
        <source>Repository</source>
        <translation>仓库地址</translation>
    </message>
    <message>
        <location filename="../../ui/found_dialog.py" line="40"/>
        <source>Where the repository goes</source>
        <translation>仓库放在哪里</translation>
    </message>
    <message>
        <location filename="../../ui/found_dialog.py" line="45"/>
        <source>Give the repository&apos;s address or choose a folder.</source>
        <translation>请填写仓库地址，或选择一个文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/found_dialog.py" line="48"/>
        <source>Founding the newsroom…</source>
        <translation>正在建立编辑部……</translation>
    </message>
    <message>
        <location filename="../../ui/found_dialog.py" line="57"/>
        <source>Writing the repository: %1 of %2 stories</source>
        <translation>正在写入仓库：%1 / %2 篇稿件</translation>
    </message>
    <message>
        <location filename="../../ui/found_dialog.py" line="58"/>
        <source>Sending it to the server: %1 of %2 objects</source>
        <translation>正在上传到服务器：%1 / %2 个对象</translation>
    </message>
</context>
<context>
    <name>HoldBanner</name>
    <message>
        <location filename="../../ui/editor/hold_banner.py" line="46"/>
        <source>Waiting for your %1: sign it here (Approve or Return). Your edits are this stage&apos;s revision, shown to the later stages as yours (留痕).</source>
        <translation>待您%1：可在此签审通过或退回。您的修改记为本环节修订，后续审核环节可见并署您的名（留痕）。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/hold_banner.py" line="50"/>
        <source>nobody may sign it now</source>
        <translation>目前无人可签</translation>
    </message>
    <message>
        <location filename="../../ui/editor/hold_banner.py" line="52"/>
        <source>In review at %1 (%2), locked (送审锁定). To change it, ask the %1 reviewer to return it.</source>
        <translation>%1中（%2），稿件已锁定。如需修改，请联系%1审核人退回。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/hold_banner.py" line="55"/>
        <source>Submitted, locked (送审锁定): waiting for %1 (%2). Until %1 signs, Recall takes it back to change it.</source>
        <translation>已送审，稿件已锁定：等待%1（%2）。%1签审之前，可点“撤回”取回修改。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/hold_banner.py" line="58"/>
        <source>Submitted, locked (送审锁定): waiting for %1 (%2). To change it, its author can recall it until %1 signs, or ask the %1 reviewer to return it.</source>
        <translation>已送审，稿件已锁定：等待%1（%2）。如需修改，可由作者在%1签审前撤回，或请%1审核人退回。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="36"/>
        <source>Import an old site&apos;s pages</source>
        <translation>导入旧网站页面</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="42"/>
        <source>Choose a folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="43"/>
        <source>Choose files…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="45"/>
        <source>(as the page says)</source>
        <translation>（按页面所示）</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="53"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="54"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="55"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="56"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="58"/>
        <source>Nothing is written until you press Import.</source>
        <translation>按“导入”之前不会写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="61"/>
        <location filename="../../ui/import_dialog.py" line="70"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="61"/>
        <location filename="../../ui/import_dialog.py" line="70"/>
        <source>Headline</source>
        <translation>主标题</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="62"/>
        <source>Publish time</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="62"/>
        <source>Source (来源)</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="63"/>
        <source>Characters</source>
        <translation>字数</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="64"/>
        <source>Body begins</source>
        <translation>正文开头</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="64"/>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="71"/>
        <source>To check</source>
        <translation>待核对</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="70"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="73"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="74"/>
        <source>Checked</source>
        <translation>已核对</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="76"/>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="85"/>
        <source>To check (待核对)</source>
        <translation>待核对</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="90"/>
        <source>Channel</source>
        <translation>栏目</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="118"/>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="124"/>
        <source>Choose files</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="125"/>
        <source>Pages and stories (%1)</source>
        <translation>网页和稿件（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="137"/>
        <source>Choose saved pages (.html, .txt) or markdown files, or a folder of them →</source>
        <translation>请选择保存的网页（.html、.txt）、markdown 文件或其所在文件夹 →</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="143"/>
        <source>%1 files: %2 …</source>
        <translation>%1 个文件：%2 …</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="162"/>
        <source>Reading the pages…</source>
        <translation>正在读取页面…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="163"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="182"/>
        <source>Could not import: %1</source>
        <translation>无法导入：%1</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="200"/>
        <source>%1 pages would be imported, %2 of them to check; %3 cannot be imported (see the last column). Nothing has been written.</source>
        <translation>将导入 %1 个页面，其中 %2 个待核对；%3 个无法导入（原因见最后一列）。尚未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="202"/>
        <source>%1 imported, %2 of them to check; %3 failed.</source>
        <translation>已导入 %1 篇，其中 %2 篇待核对；%3 个失败。</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="206"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="207"/>
        <source>Already imported, skipped: %1 (same headline and publish time; marked in the list).</source>
        <translation>已导入过、将跳过：%1 篇（标题和发布时间相同，已在列表中标出）。</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="222"/>
        <source>To check (待核对): %1</source>
        <translation>待核对：%1</translation>
    </message>
</context>
<context>
    <name>InspectDialog</name>
    <message>
        <location filename="../../ui/publish/inspect_dialog.py" line="38"/>
        <source>Site self-inspection (网站自查)</source>
        <translation>网站自查</translation>
    </message>
    <message>
        <location filename="../../ui/publish/inspect_dialog.py" line="41"/>
        <source>The exported site, for its links (optional)</source>
        <translation>导出的网站文件夹，用于检查链接（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/publish/inspect_dialog.py" line="42"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/publish/inspect_dialog.py" line="43"/>
        <source>Follow the site&apos;s links</source>
        <translation>检查站内链接</translation>
    </message>
    <message>
        <location filename="../../ui/publish/inspect_dialog.py" line="45"/>
        <source>Check external links (needs the internet)</source>
        <translation>检查外部链接（需要联网）</translation>
    </message>
    <message>
        <location filename="../../ui/publish/inspect_dialog.py" line="47"/>
        <source>Inspect</source>
        <translation>自查</translation>
    </message>
    <message>
        <location filename="../../ui/publish/inspect_dialog.py" line="49"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/publish/inspect_dialog.py" line="50"/>
        <source>Save the HTML report…</source>
        <translation>保存 HTML 报告…</translation>
    </message>
    <message>
        <location filename="../../ui/publish/inspect_dialog.py" line="51"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/publish/inspect_dialog.py" line="53"/>
        <source>Checks every published story, every channel, the footer and the links, as a provincial inspection does.</source>
        <translation>像省级检查那样，检查每篇已发布稿件、每个栏目、页脚信息和链接。</translation>
    </message>
    <message>
        <location filename="../../ui/publish/inspect_dialog.py" line="57"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/publish/inspect_dialog.py" line="57"/>
        <source>Channel</source>
        <translation>栏目</translation>
    </message>
    <message>
        <location filename="../../ui/publish/inspect_dialog.py" line="57"/>
        <source>Story</source>
        <translation>稿件</translation>
    </message>
    <message>
        <location filename="../../ui/publish/inspect_dialog.py" line="58"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../ui/publish/inspect_dialog.py" line="63"/>
        <location filename="../../ui/publish/inspect_dialog.py" line="95"/>
        <source>Site folder</source>
        <translation>网站文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/publish/inspect_dialog.py" line="110"/>
        <source>%1 is not a folder.</source>
        <translation>%1 不是文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/publish/inspect_dialog.py" line="114"/>
        <source>Inspecting…</source>
        <translation>正在自查…</translation>
    </message>
    <message>
        <location filename="../../ui/publish/inspect_dialog.py" line="132"/>
        <source>Could not inspect: %1</source>
        <translation>无法完成自查：%1</translation>
    </message>
    <message>
        <location filename="../../ui/publish/inspect_dialog.py" line="136"/>
        <source>Problems an inspection would fail the site for:</source>
        <translation>存在会导致检查不合格的问题：</translation>
    </message>
    <message>
        <location filename="../../ui/publish/inspect_dialog.py" line="137"/>
        <source>Nothing blocking; warnings to look at:</source>
        <translation>没有必须整改的问题，有提醒事项：</translation>
    </message>
    <message>
        <location filename="../../ui/publish/inspect_dialog.py" line="138"/>
        <source>No problem found:</source>
        <translation>未发现问题：</translation>
    </message>
    <message>
        <location filename="../../ui/publish/inspect_dialog.py" line="140"/>
        <source>%1 to fix, %2 warnings, %3 notes in %4 published stories, %5 channels, %6 pages, %7 external links.</source>
        <translation>必须整改 %1 项，提醒 %2 项，说明 %3 项；已检查已发布稿件 %4 篇、栏目 %5 个、页面 %6 个、外部链接 %7 个。</translation>
    </message>
    <message>
        <location filename="../../ui/publish/inspect_dialog.py" line="173"/>
        <location filename="../../ui/publish/inspect_dialog.py" line="180"/>
        <location filename="../../ui/publish/inspect_dialog.py" line="183"/>
        <source>Save the HTML report</source>
        <translation>保存 HTML 报告</translation>
    </message>
    <message>
        <location filename="../../ui/publish/inspect_dialog.py" line="174"/>
        <source>Web pages (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <location filename="../../ui/join_dialog.py" line="20"/>
        <source>Join a newsroom</source>
        <translation>加入编辑部</translation>
    </message>
    <message>
        <location filename="../../ui/join_dialog.py" line="23"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/join_dialog.py" line="29"/>
        <source>The newsroom&apos;s administrator gives you the address of its shared repository. This PC gets a database of its own, filled from it; sign in afterwards as yourself.</source>
        <translation>编辑部管理员会告诉你共享仓库的地址。本机将建立自己的数据库，并从仓库取得全部内容；之后请以自己的身份登录。</translation>
    </message>
    <message>
        <location filename="../../ui/join_dialog.py" line="32"/>
        <source>Join</source>
        <translation>加入</translation>
    </message>
    <message>
        <location filename="../../ui/join_dialog.py" line="32"/>
        <source>Repository</source>
        <translation>仓库地址</translation>
    </message>
    <message>
        <location filename="../../ui/join_dialog.py" line="33"/>
        <location filename="../../ui/join_dialog.py" line="38"/>
        <source>New database</source>
        <translation>新数据库</translation>
    </message>
    <message>
        <location filename="../../ui/join_dialog.py" line="39"/>
        <source>Newsdesk database (*.db)</source>
        <translation>Newsdesk 数据库 (*.db)</translation>
    </message>
    <message>
        <location filename="../../ui/join_dialog.py" line="45"/>
        <source>Give the repository&apos;s address and where the new database goes.</source>
        <translation>请填写仓库地址和新数据库的位置。</translation>
    </message>
    <message>
        <location filename="../../ui/join_dialog.py" line="49"/>
        <source>Joining: fetching the newsroom and building this PC&apos;s database…</source>
        <translation>正在加入：获取编辑部内容，建立本机数据库…</translation>
    </message>
    <message>
        <location filename="../../ui/join_dialog.py" line="63"/>
        <source>Fetching the newsroom: %1 of %2 objects</source>
        <translation>正在获取编辑部内容：%1 / %2 个对象</translation>
    </message>
    <message>
        <location filename="../../ui/join_dialog.py" line="64"/>
        <source>Building this PC&apos;s database: %1 of %2 stories</source>
        <translation>正在建立本机数据库：%1 / %2 篇稿件</translation>
    </message>
</context>
<context>
    <name>ListField</name>
    <message>
        <location filename="../../ui/admin/setting_fields.py" line="153"/>
        <source>Add a row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <location filename="../../ui/admin/setting_fields.py" line="154"/>
        <source>Remove the row</source>
        <translation>删除所选行</translation>
    </message>
    <message>
        <location filename="../../ui/admin/setting_fields.py" line="155"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../ui/admin/setting_fields.py" line="156"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="38"/>
        <source>Who is working?</source>
        <translation>请选择当前用户</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="57"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="58"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="23"/>
        <source>Editor</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="24"/>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="53"/>
        <source>Join a newsroom…</source>
        <translation>加入编辑部…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="68"/>
        <source>%1 reviews or administers: a sign-off must be their own, so the account needs a password. New password:</source>
        <translation>%1 担任审核或管理：签发必须由本人完成，因此该账号需要设置密码。新密码：</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="71"/>
        <location filename="../../ui/login.py" line="77"/>
        <source>Set a password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="74"/>
        <source>%1 needs a password first.</source>
        <translation>%1 需要先设置密码。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="78"/>
        <source>The same password again:</source>
        <translation>再输入一次密码：</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="80"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>LoginFields</name>
    <message>
        <location filename="../../ui/repo_login.py" line="23"/>
        <source>User name on the server</source>
        <translation>服务器上的用户名</translation>
    </message>
    <message>
        <location filename="../../ui/repo_login.py" line="24"/>
        <source>Password or access token</source>
        <translation>密码或访问令牌</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="67"/>
        <source>Search headlines, text, names…</source>
        <translation>搜索标题、正文、人名…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="104"/>
        <location filename="../../ui/main_window.py" line="593"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="169"/>
        <source>New story</source>
        <translation>新建稿件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>&amp;Story</source>
        <translation>稿件(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110"/>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139"/>
        <source>S&amp;ite</source>
        <translation>网站(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139"/>
        <source>&amp;Admin</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162"/>
        <source>Submit</source>
        <translation>送审</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162"/>
        <source>Recall</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="163"/>
        <source>Correct</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="163"/>
        <source>Withdraw</source>
        <translation>撤稿</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="164"/>
        <source>Delete</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="164"/>
        <source>Bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="165"/>
        <source>Publish</source>
        <translation>发布网站</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="165"/>
        <source>Verify</source>
        <translation>核验线上网站</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="166"/>
        <source>Inspect</source>
        <translation>自查</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168"/>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="171"/>
        <source>Insert image…</source>
        <translation>插入图片…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>Cover image…</source>
        <translation>封面图片…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175"/>
        <source>Submit for review</source>
        <translation>送审</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177"/>
        <source>Recall (撤回)</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180"/>
        <source>Correct (更正)…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182"/>
        <source>Withdraw (撤稿)…</source>
        <translation>撤稿…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185"/>
        <source>Delete draft…</source>
        <translation>删除草稿…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190"/>
        <source>Recycle bin…</source>
        <translation>回收站…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191"/>
        <source>Import an old site&apos;s pages…</source>
        <translation>导入旧网站页面…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="196"/>
        <source>Sign off the story selected in the queue or open in the editor (Ctrl+Shift+A in the queue)</source>
        <translation>签审队列中选中的稿件或编辑器中打开的稿件（队列中按 Ctrl+Shift+A）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <source>Send the story selected in the queue or open in the editor back to its author (Ctrl+Shift+R in the queue)</source>
        <translation>把队列中选中的稿件或编辑器中打开的稿件退回作者（队列中按 Ctrl+Shift+R）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="202"/>
        <source>Publish the site…</source>
        <translation>发布网站…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203"/>
        <source>Verify the live site…</source>
        <translation>核验线上网站…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="205"/>
        <source>Site self-inspection (网站自查)…</source>
        <translation>网站自查…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="206"/>
        <source>Check the live site (巡检网站)</source>
        <translation>巡检网站</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="208"/>
        <source>Sync with the newsroom</source>
        <translation>与编辑部同步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="210"/>
        <source>Sync conflicts…</source>
        <translation>同步冲突…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>Publish from this seat…</source>
        <translation>本机作为发布机…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213"/>
        <source>Found a newsroom of many PCs…</source>
        <translation>建立多机编辑部…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="214"/>
        <source>Users…</source>
        <translation>用户…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215"/>
        <source>Channels…</source>
        <translation>栏目…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="216"/>
        <source>Topics…</source>
        <translation>专题…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217"/>
        <source>Site settings…</source>
        <translation>网站设置…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218"/>
        <source>Publish targets…</source>
        <translation>发布目标…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="222"/>
        <source>Switch user…</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="244"/>
        <source>Select a story first</source>
        <translation>请先选择一篇稿件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="259"/>
        <source>Open a story in the editor first</source>
        <translation>请先在编辑器中打开稿件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <source>Select a draft in the story list first</source>
        <translation>请先在稿件列表中选择一篇草稿</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="292"/>
        <source>Delete draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>Move “%1” to the recycle bin? It can be restored for %2 days.</source>
        <translation>把“%1”移到回收站？%2 天内可以恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="300"/>
        <source>Not deleted</source>
        <translation>未删除</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="327"/>
        <source>Publish the site</source>
        <translation>发布网站</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="338"/>
        <source>%1 (demo: anyone can sign as anyone)</source>
        <translation>%1（演示数据：任何人都可以代他人签发）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="339"/>
        <source>Newsdesk — %1 — %2</source>
        <translation>Newsdesk 采编系统 — %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="341"/>
        <source>Signed in: %1</source>
        <translation>当前用户：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="378"/>
        <source>Review queue (%1)</source>
        <translation>审核队列（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="379"/>
        <location filename="../../ui/main_window.py" line="388"/>
        <source>Review queue</source>
        <translation>审核队列</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="380"/>
        <source>Returned to me (%1)</source>
        <translation>退回给我的（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="392"/>
        <source>My drafts</source>
        <translation>我的草稿</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="381"/>
        <location filename="../../ui/main_window.py" line="394"/>
        <source>Returned to me</source>
        <translation>退回给我的</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="69"/>
        <source>Story</source>
        <translation>稿件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167"/>
        <source>机审 lists</source>
        <translation>机审名单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194"/>
        <source>Approve…</source>
        <translation>签审通过…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198"/>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="220"/>
        <source>机审 lists…</source>
        <translation>机审名单…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="269"/>
        <source>Open the review queue or a story first</source>
        <translation>请先打开审核队列或稿件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="274"/>
        <source>Not signed</source>
        <translation>未能签审</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="275"/>
        <source>Your edits could not be saved, so nothing was signed; they are still here. %1</source>
        <translation>您的修改未能保存，未作签审；修改仍在编辑器中。%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="398"/>
        <source>Stories</source>
        <translation>稿件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="400"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="400"/>
        <source>Drafts</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="401"/>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="402"/>
        <source>Submitted</source>
        <translation>已送审</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="403"/>
        <source>In review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="404"/>
        <source>Approved</source>
        <translation>已签发</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="405"/>
        <source>Scheduled</source>
        <translation>待发布</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="406"/>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="413"/>
        <source>Due at next export</source>
        <translation>待下次导出发布</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="417"/>
        <source>Channels</source>
        <translation>栏目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="420"/>
        <source>Saved searches</source>
        <translation>已存搜索</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="473"/>
        <source>%1 characters</source>
        <translation>%1 字</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="550"/>
        <source>Untitled story</source>
        <translation>未命名稿件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="610"/>
        <location filename="../../ui/main_window.py" line="617"/>
        <source>Save search</source>
        <translation>保存搜索</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="610"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="425"/>
        <source>Delete this saved search</source>
        <translation>删除此搜索</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="658"/>
        <source>Stories: %1</source>
        <translation>共 %1 篇</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="721"/>
        <source>Backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="724"/>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
</context>
<context>
    <name>MediaDialog</name>
    <message>
        <location filename="../../ui/editor/media_dialog.py" line="21"/>
        <source>Pictures of this story</source>
        <translation>本稿图片</translation>
    </message>
    <message>
        <location filename="../../ui/editor/media_dialog.py" line="25"/>
        <source>Alt text and caption…</source>
        <translation>替代文字和说明…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/media_dialog.py" line="26"/>
        <source>Replace the file…</source>
        <translation>更换图片文件…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/media_dialog.py" line="27"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/editor/media_dialog.py" line="28"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/editor/media_dialog.py" line="34"/>
        <source>This story has no pictures yet: Insert image…, paste or drop one into the text.</source>
        <translation>本稿还没有图片：可用“插入图片…”，或把图片粘贴、拖放到正文中。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/media_dialog.py" line="87"/>
        <source>Replace the file</source>
        <translation>更换图片文件</translation>
    </message>
</context>
<context>
    <name>MetaForm</name>
    <message>
        <location filename="../../ui/editor/meta_form.py" line="70"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../ui/editor/meta_form.py" line="93"/>
        <source>More fields</source>
        <translation>展开全部信息</translation>
    </message>
    <message>
        <location filename="../../ui/editor/meta_form.py" line="93"/>
        <source>Fewer fields</source>
        <translation>收起</translation>
    </message>
</context>
<context>
    <name>OnTime</name>
    <message>
        <location filename="../../ui/publish/on_time.py" line="41"/>
        <source>%1 stories have come due: an admin publishes them</source>
        <translation>有 %1 篇稿件已到发布时间：需由管理员发布</translation>
    </message>
    <message>
        <location filename="../../ui/publish/on_time.py" line="56"/>
        <source>Publishing on time failed: %1</source>
        <translation>按时发布失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/publish/on_time.py" line="60"/>
        <source>Published on time: %1 stories, to %2</source>
        <translation>已按时发布 %1 篇稿件，发布到 %2</translation>
    </message>
</context>
<context>
    <name>PatrolControl</name>
    <message>
        <location filename="../../ui/publish/patrol_control.py" line="35"/>
        <source>巡检: checking the live site…</source>
        <translation>巡检：正在检查线上网站…</translation>
    </message>
    <message>
        <location filename="../../ui/publish/patrol_control.py" line="49"/>
        <source>The live site could not be checked: %1</source>
        <translation>未能巡检线上网站：%1</translation>
    </message>
    <message>
        <location filename="../../ui/publish/patrol_control.py" line="52"/>
        <source>巡检: the host serves what was published (%1 files)</source>
        <translation>巡检：主机上的网站与发布的一致（%1 个文件）</translation>
    </message>
    <message>
        <location filename="../../ui/publish/patrol_control.py" line="56"/>
        <source>巡检: changed by someone else on the host: %1</source>
        <translation>巡检：主机上被他人改动：%1</translation>
    </message>
    <message>
        <location filename="../../ui/publish/patrol_control.py" line="68"/>
        <source>巡检 %1: %2 files changed by others</source>
        <translation>巡检 %1：%2 个文件被他人改动</translation>
    </message>
    <message>
        <location filename="../../ui/publish/patrol_control.py" line="72"/>
        <source>巡检 %1: no changes</source>
        <translation>巡检 %1：无改动</translation>
    </message>
    <message>
        <location filename="../../ui/publish/patrol_control.py" line="74"/>
        <source>%1: %2 files</source>
        <translation>%1：%2 个文件</translation>
    </message>
    <message>
        <location filename="../../ui/publish/patrol_control.py" line="76"/>
        <source>Changed:</source>
        <translation>改动：</translation>
    </message>
    <message>
        <location filename="../../ui/publish/patrol_control.py" line="77"/>
        <source>Added:</source>
        <translation>添加：</translation>
    </message>
    <message>
        <location filename="../../ui/publish/patrol_control.py" line="78"/>
        <source>Removed:</source>
        <translation>删除：</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../ui/preview/preview_pane.py" line="176"/>
        <source>The markdown of this story could not be formatted in time: it shows as plain paragraphs until it can be. The export tries again before publishing; simplify the markup if this stays.</source>
        <translation>本稿的 Markdown 未能及时排版，暂以纯文本段落显示。导出发布前会再试一次；如一直如此，请简化标记。</translation>
    </message>
    <message>
        <location filename="../../ui/preview/preview_pane.py" line="214"/>
        <source>Rendering is taking more than two seconds; the preview shows the last version that rendered.</source>
        <translation>排版超过两秒仍未完成；预览显示的是上一次成功排版的版本。</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="44"/>
        <location filename="../../ui/publish/publish_dialog.py" line="157"/>
        <location filename="../../ui/publish/publish_dialog.py" line="162"/>
        <location filename="../../ui/publish/publish_dialog.py" line="167"/>
        <location filename="../../ui/publish/publish_dialog.py" line="204"/>
        <source>Publish the site</source>
        <translation>发布网站</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="48"/>
        <source>The folder the site is written into</source>
        <translation>网站文件写入的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="49"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="124"/>
        <source>Only write the folder (upload by hand)</source>
        <translation>只写入文件夹（手动上传）</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="53"/>
        <source>This computer publishes scheduled stories on time while the app is open</source>
        <translation>本机负责定时发布：应用打开时，定时稿件到点自动发布</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="51"/>
        <source>Targets…</source>
        <translation>目标…</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="56"/>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="58"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="59"/>
        <source>Put the published versions back</source>
        <translation>恢复为已发布的版本</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="60"/>
        <source>Open the site</source>
        <translation>打开网站</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="61"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="66"/>
        <source>Writes what changed since the last publication, and publishes the approved stories whose time has come.</source>
        <translation>写入上次发布以来变化的内容，并发布已到发布时间的已签发稿件。</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="72"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="72"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="72"/>
        <source>Target</source>
        <translation>发布目标</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="72"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="73"/>
        <location filename="../../ui/publish/publish_dialog.py" line="301"/>
        <source>Uploaded</source>
        <translation>已上传</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="73"/>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="77"/>
        <source>Result</source>
        <translation>本次结果</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="78"/>
        <source>History</source>
        <translation>发布记录</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="80"/>
        <location filename="../../ui/publish/publish_dialog.py" line="136"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="84"/>
        <source>Upload to</source>
        <translation>上传到</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="158"/>
        <source>Password for %1:</source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="163"/>
        <source>Keep the password in this computer&apos;s keyring?</source>
        <translation>把密码保存在本机的系统钥匙串中吗？</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="173"/>
        <source>Choose the folder the site is written into.</source>
        <translation>请选择网站文件写入的文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="188"/>
        <source>Publishing…</source>
        <translation>正在发布…</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="205"/>
        <source>%1 is reached for the first time. Its key is
%2
Trust it only if the host&apos;s administrator confirms this fingerprint.</source>
        <translation>首次连接 %1。它的主机密钥指纹是
%2
请向主机管理员核实该指纹后再选择信任。</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="213"/>
        <source>Cancelling: the files being sent are finished first…</source>
        <translation>正在取消：先传完正在发送的文件…</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="220"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="220"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="221"/>
        <source>Stopped</source>
        <translation>已中止</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="308"/>
        <source>Held back: not as their review signed them off</source>
        <translation>未上线：与三审签发的内容不符</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="322"/>
        <source>Changed on the host by someone else</source>
        <translation>服务器上被他人改动的文件</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="324"/>
        <source>Added on the host by someone else</source>
        <translation>主机上被他人添加</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="326"/>
        <source>Removed from the host by someone else</source>
        <translation>主机上被他人删除</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="331"/>
        <source>verified</source>
        <translation>已核验</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="331"/>
        <source>differs</source>
        <translation>有差异</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="332"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="332"/>
        <source>changed by others</source>
        <translation>被他人改动</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="333"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="333"/>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="253"/>
        <source>Not published: %1</source>
        <translation>未发布：%1</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="218"/>
        <source>Exporting</source>
        <translation>导出中</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="218"/>
        <source>Comparing</source>
        <translation>比对中</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="219"/>
        <source>Uploading</source>
        <translation>上传中</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="219"/>
        <source>Verifying</source>
        <translation>核验中</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="261"/>
        <source>Published: %1 files written, %2 removed, %3 unchanged.</source>
        <translation>已发布：写入 %1 个文件，删除 %2 个，未变 %3 个。</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="272"/>
        <source>Cancelled after %1 files: what went up is whole; publish again to finish.</source>
        <translation>已在上传 %1 个文件后取消：已上传的文件都是完整的；再次发布即可完成。</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="274"/>
        <source>Uploaded %1 files (%2 KB), removed %3, to %4.</source>
        <translation>已上传 %1 个文件（%2 KB），删除 %3 个，发布到 %4。</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="281"/>
        <source>Verified: the host serves what was published (%1 files).</source>
        <translation>核验通过：服务器上的内容与发布的一致（%1 个文件）。</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="283"/>
        <source>The verify found %1 modified and %2 missing files: see below.</source>
        <translation>核验发现 %1 个文件被改动、%2 个文件缺失：见下方。</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="294"/>
        <location filename="../../ui/publish/publish_dialog.py" line="317"/>
        <source>search-spam injection (博彩):</source>
        <translation>搜索垃圾植入（博彩）：</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="295"/>
        <source>Changed on the host</source>
        <translation>服务器上被改动的文件</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="299"/>
        <source>Missing on the host</source>
        <translation>服务器上缺失的文件</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="300"/>
        <source>Put back</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="305"/>
        <source>Stories published now (their time had come)</source>
        <translation>本次发布的稿件（已到发布时间）</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="307"/>
        <source>Left out (fix and publish again)</source>
        <translation>未能发布的内容（修正后重新发布）</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="310"/>
        <source>Shown unformatted (simplify their markup)</source>
        <translation>以纯文本显示的稿件（请简化其标记）</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="311"/>
        <source>Files written</source>
        <translation>写入的文件</translation>
    </message>
    <message>
        <location filename="../../ui/publish/publish_dialog.py" line="312"/>
        <source>Files removed</source>
        <translation>删除的文件</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../ui/queue/queue_model.py" line="29"/>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../ui/queue/queue_model.py" line="29"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../ui/queue/queue_model.py" line="30"/>
        <source>Blocked</source>
        <translation>拦截</translation>
    </message>
    <message>
        <location filename="../../ui/queue/queue_model.py" line="31"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/queue/queue_model.py" line="31"/>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../../ui/queue/queue_model.py" line="31"/>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location filename="../../ui/queue/queue_model.py" line="32"/>
        <source>Headline</source>
        <translation>主标题</translation>
    </message>
    <message>
        <location filename="../../ui/queue/queue_model.py" line="32"/>
        <source>Channel</source>
        <translation>栏目</translation>
    </message>
    <message>
        <location filename="../../ui/queue/queue_model.py" line="32"/>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../ui/queue/queue_model.py" line="32"/>
        <source>Stage</source>
        <translation>审级</translation>
    </message>
    <message>
        <location filename="../../ui/queue/queue_model.py" line="33"/>
        <source>Submitted</source>
        <translation>已送审</translation>
    </message>
    <message>
        <location filename="../../ui/queue/queue_model.py" line="33"/>
        <source>Waiting</source>
        <translation>等待时长</translation>
    </message>
    <message>
        <location filename="../../ui/queue/queue_model.py" line="33"/>
        <source>Checks</source>
        <translation>机审</translation>
    </message>
    <message>
        <location filename="../../ui/queue/queue_model.py" line="42"/>
        <source>[Correction] %1</source>
        <translation>【更正】%1</translation>
    </message>
    <message>
        <location filename="../../ui/queue/queue_model.py" line="63"/>
        <source>%1
Correction note: %2</source>
        <translation>%1
更正说明：%2</translation>
    </message>
</context>
<context>
    <name>RepositoryLoginDialog</name>
    <message>
        <location filename="../../ui/repo_login.py" line="42"/>
        <source>Log in to the newsroom&apos;s repository</source>
        <translation>登录编辑部仓库</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="61"/>
        <source>Return to author</source>
        <translation>退回作者</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="63"/>
        <source>What must change before it comes back?</source>
        <translation>需要修改哪些地方后再送审？</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="70"/>
        <source>Return “%1” with a reason:</source>
        <translation>退回《%1》，请填写理由：</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="27"/>
        <source>version %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="103"/>
        <source>Story</source>
        <translation>稿件</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="104"/>
        <source>Changes</source>
        <translation>修改对比</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="105"/>
        <source>Checks</source>
        <translation>机审</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="106"/>
        <source>History</source>
        <translation>审核记录</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="107"/>
        <source>&amp;Approve</source>
        <translation>通过(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="108"/>
        <source>&amp;Return…</source>
        <translation>退回(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="109"/>
        <source>Sign off this stage (Ctrl+Shift+A)</source>
        <translation>签发本审级（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="110"/>
        <source>Send back to the author (Ctrl+Shift+R)</source>
        <translation>退回给作者（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="127"/>
        <source>First review at this stage: no earlier revision to compare with.</source>
        <translation>本审级首次审核：没有可对比的早先版本。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="130"/>
        <source>This stage has not reviewed this story before. Changes since it was submitted as version %1, to version %2:</source>
        <translation>本审级此前没有审看过这篇稿件。以下是自送审时的第 %1 版到第 %2 版的修改：</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="133"/>
        <source>This stage has not reviewed this story before. It is unchanged since it was submitted as version %1.</source>
        <translation>本审级此前没有审看过这篇稿件。自送审时的第 %1 版以来没有修改。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="139"/>
        <source>No changes since revision %1, which this stage last saw.</source>
        <translation>自本审级上次审看的第 %1 版以来没有修改。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="143"/>
        <source>Changes from revision %1 to %2:</source>
        <translation>第 %1 版到第 %2 版的修改：</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="151"/>
        <source>Edited at %1 by %2 (%3):</source>
        <translation>%1 %2 审改（%3）：</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="160"/>
        <source>No checks report was recorded for this revision.</source>
        <translation>此版本没有机审报告。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="162"/>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="162"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="163"/>
        <source>Blocked</source>
        <translation>拦截</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="165"/>
        <source>%1 characters: the error rate is judged from %2</source>
        <translation>%1 字：满 %2 字才计差错率</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="168"/>
        <source>%1 per 10,000 characters (threshold %2)</source>
        <translation>差错率每万字 %1 处（标准 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="174"/>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="194"/>
        <source>Nothing selected</source>
        <translation>未选择稿件</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="200"/>
        <source>%1&#x3000;·&#x3000;%2&#x3000;·&#x3000;version %3</source>
        <translation>%1&#x3000;·&#x3000;%2&#x3000;·&#x3000;第 %3 版</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="204"/>
        <source>Correction (更正) of a published story: %1</source>
        <translation>已发布稿件的更正：%1</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="215"/>
        <source>Nobody can sign this story now: %1</source>
        <translation>现在没有人能签审这篇稿件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/queue/review_panel.py" line="217"/>
        <source>You may sign %1.</source>
        <translation>您可以签发%1。</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <location filename="../../ui/queue/queue_widget.py" line="47"/>
        <source>All stages</source>
        <translation>全部审级</translation>
    </message>
    <message>
        <location filename="../../ui/queue/queue_widget.py" line="51"/>
        <source>All channels</source>
        <translation>全部栏目</translation>
    </message>
    <message>
        <location filename="../../ui/queue/queue_widget.py" line="52"/>
        <source>Waiting for me</source>
        <translation>待我审核</translation>
    </message>
</context>
<context>
    <name>RevisionsDialog</name>
    <message>
        <location filename="../../ui/editor/revisions.py" line="15"/>
        <source>Revisions of “%1”</source>
        <translation>《%1》的历史版本</translation>
    </message>
    <message>
        <location filename="../../ui/editor/revisions.py" line="27"/>
        <source>%1 by %2 at %3</source>
        <translation>%1：%2，%3</translation>
    </message>
    <message>
        <location filename="../../ui/editor/revisions.py" line="28"/>
        <source>the schedule</source>
        <translation>定时发布</translation>
    </message>
    <message>
        <location filename="../../ui/editor/revisions.py" line="32"/>
        <source>Version %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <location filename="../../ui/editor/revisions.py" line="39"/>
        <source>Restore this revision</source>
        <translation>恢复此版本</translation>
    </message>
    <message>
        <location filename="../../ui/editor/revisions.py" line="55"/>
        <source>restored version %1</source>
        <translation>恢复第 %1 版</translation>
    </message>
    <message>
        <location filename="../../ui/editor/revisions.py" line="56"/>
        <source>created</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/editor/revisions.py" line="56"/>
        <source>edited</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../ui/editor/revisions.py" line="57"/>
        <source>saved</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/editor/revisions.py" line="57"/>
        <source>submitted</source>
        <translation>送审</translation>
    </message>
    <message>
        <location filename="../../ui/editor/revisions.py" line="58"/>
        <source>imported</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../../ui/admin/settings_tab.py" line="45"/>
        <source>On the command line: “%1”</source>
        <translation>命令行中的设置名：“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_tab.py" line="63"/>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_tab.py" line="92"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_tab.py" line="95"/>
        <source>Site settings</source>
        <translation>网站设置</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_tab.py" line="96"/>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_tab.py" line="97"/>
        <source>nothing changed</source>
        <translation>没有修改</translation>
    </message>
</context>
<context>
    <name>StorySession</name>
    <message>
        <location filename="../../ui/editor/story_session.py" line="94"/>
        <source>%1 took this story over. Your text stays here, unsaved: copy what you need.</source>
        <translation>%1 已接手本稿。您的文字仍在编辑器中但未保存，请复制需要的内容。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/story_session.py" line="137"/>
        <source>Text typed here before Newsdesk closed unexpectedly (%1) was kept in %2: the story was saved elsewhere since.</source>
        <translation>Newsdesk 意外关闭前在此输入的文字（%1）已另存到 %2：此后稿件已在别处保存过。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/story_session.py" line="144"/>
        <source>Recovered what was typed before Newsdesk closed unexpectedly (%1): %2</source>
        <translation>已恢复 Newsdesk 意外关闭前输入的内容（%1）：%2</translation>
    </message>
    <message>
        <location filename="../../ui/editor/story_session.py" line="147"/>
        <source>changes to the form</source>
        <translation>稿件信息的修改</translation>
    </message>
    <message>
        <location filename="../../ui/editor/story_session.py" line="158"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../../ui/editor/story_session.py" line="216"/>
        <source>Saved at %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../ui/editor/story_session.py" line="227"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../ui/editor/story_session.py" line="235"/>
        <source>a copy is in %1</source>
        <translation>副本保存在 %1</translation>
    </message>
    <message>
        <location filename="../../ui/editor/story_session.py" line="236"/>
        <source>no emergency copy could be written either</source>
        <translation>应急副本也未能写入</translation>
    </message>
    <message>
        <location filename="../../ui/editor/story_session.py" line="237"/>
        <source>Not saved: %1; your text stays here, %2</source>
        <translation>未保存：%1；您的文字仍在编辑器中，%2</translation>
    </message>
    <message>
        <location filename="../../ui/editor/story_session.py" line="249"/>
        <source> (copy)</source>
        <translation>（副本）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/story_session.py" line="252"/>
        <source>Saved as a copy</source>
        <translation>已另存为副本</translation>
    </message>
    <message>
        <location filename="../../ui/editor/story_session.py" line="261"/>
        <source>Merged; %1 place(s) to settle by hand</source>
        <translation>已合并；有 %1 处需要人工处理</translation>
    </message>
    <message>
        <location filename="../../ui/editor/story_session.py" line="263"/>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <location filename="../../ui/editor/story_session.py" line="265"/>
        <source>Not saved: the story was saved elsewhere meanwhile</source>
        <translation>未保存：稿件已在别处保存</translation>
    </message>
    <message>
        <location filename="../../ui/editor/story_session.py" line="283"/>
        <source>Revision %1 restored</source>
        <translation>已恢复第 %1 版</translation>
    </message>
    <message>
        <location filename="../../ui/editor/story_session.py" line="294"/>
        <source>Submitted for review (revision %1)</source>
        <translation>已送审（第 %1 版）</translation>
    </message>
</context>
<context>
    <name>SyncControl</name>
    <message>
        <location filename="../../ui/sync_control.py" line="63"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync_control.py" line="64"/>
        <source>This database is not part of a newsroom of many PCs. An administrator makes it one (Site → Found a newsroom of many PCs…); other PCs join it from the sign-in window.</source>
        <translation>本库还不属于多机编辑部。管理员可以建立（网站 → 建立多机编辑部…）；其他电脑在登录窗口加入。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_control.py" line="82"/>
        <source>Found a newsroom of many PCs</source>
        <translation>建立多机编辑部</translation>
    </message>
    <message>
        <location filename="../../ui/sync_control.py" line="83"/>
        <source>The newsroom&apos;s repository is %1. Other PCs join it from the sign-in window with that address; this PC publishes.</source>
        <translation>编辑部的仓库是 %1。其他电脑在登录窗口用这个地址加入；本机负责发布。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_control.py" line="93"/>
        <location filename="../../ui/sync_control.py" line="111"/>
        <source>Publish from this seat</source>
        <translation>本机作为发布机</translation>
    </message>
    <message>
        <location filename="../../ui/sync_control.py" line="94"/>
        <source>This PC will number the newsroom&apos;s stories and publish the site; the seat publishing now stops at its next sync. Go on?</source>
        <translation>本机将为编辑部的稿件编号并发布网站；现在负责发布的电脑在下次同步后停止发布。继续吗？</translation>
    </message>
    <message>
        <location filename="../../ui/sync_control.py" line="108"/>
        <source>Publishing did not move</source>
        <translation>发布未能转到本机</translation>
    </message>
    <message>
        <location filename="../../ui/sync_control.py" line="112"/>
        <source>This PC now publishes for the newsroom.</source>
        <translation>本机现在负责编辑部的发布。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_control.py" line="123"/>
        <source>Syncing…</source>
        <translation>同步中…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_control.py" line="147"/>
        <source>Not synced</source>
        <translation>未能同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync_control.py" line="159"/>
        <source>Sync: %1</source>
        <translation>同步：%1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_control.py" line="163"/>
        <source>Sync refused</source>
        <translation>同步被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/sync_control.py" line="165"/>
        <source>Log in to sync</source>
        <translation>需登录才能同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync_control.py" line="167"/>
        <source>Tampering: %1</source>
        <translation>篡改：%1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_control.py" line="170"/>
        <source>%1 conflicts</source>
        <translation>%1 个冲突</translation>
    </message>
    <message>
        <location filename="../../ui/sync_control.py" line="173"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../ui/sync_control.py" line="175"/>
        <source>%1 waiting to go up</source>
        <translation>%1 项待上传</translation>
    </message>
    <message>
        <location filename="../../ui/sync_control.py" line="178"/>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync_control.py" line="182"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../ui/sync_control.py" line="183"/>
        <source>Newsroom: %1
Last synced: %2</source>
        <translation>编辑部仓库：%1
上次同步：%2</translation>
    </message>
    <message>
        <location filename="../../ui/sync_control.py" line="186"/>
        <source>A review event this PC holds was changed in the newsroom&apos;s repository by commit %1; this PC&apos;s copy is kept and sent back.</source>
        <translation>本机持有的一条审核记录在编辑部仓库中被提交 %1 改动；已保留本机的副本并回传。</translation>
    </message>
</context>
<context>
    <name>TargetsTab</name>
    <message>
        <location filename="../../ui/admin/targets_tab.py" line="29"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/admin/targets_tab.py" line="29"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/admin/targets_tab.py" line="29"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../../ui/admin/targets_tab.py" line="29"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../ui/admin/targets_tab.py" line="29"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/admin/targets_tab.py" line="30"/>
        <source>Key file (SFTP)</source>
        <translation>密钥文件（SFTP）</translation>
    </message>
    <message>
        <location filename="../../ui/admin/targets_tab.py" line="30"/>
        <source>Site folder</source>
        <translation>网站文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/admin/targets_tab.py" line="31"/>
        <source>Certificate (FTPS)</source>
        <translation>证书文件（FTPS）</translation>
    </message>
    <message>
        <location filename="../../ui/admin/targets_tab.py" line="41"/>
        <source>Passwords are never kept here: “Password…” puts one into this computer&apos;s keyring.</source>
        <translation>这里从不保存密码：点“密码…”会把密码存入本机的系统钥匙串。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/targets_tab.py" line="44"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/admin/targets_tab.py" line="45"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/admin/targets_tab.py" line="46"/>
        <location filename="../../ui/admin/targets_tab.py" line="132"/>
        <location filename="../../ui/admin/targets_tab.py" line="140"/>
        <source>Password…</source>
        <translation>密码…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/targets_tab.py" line="47"/>
        <location filename="../../ui/admin/targets_tab.py" line="148"/>
        <source>Forget the host key</source>
        <translation>忘记主机密钥</translation>
    </message>
    <message>
        <location filename="../../ui/admin/targets_tab.py" line="48"/>
        <source>Save targets</source>
        <translation>保存发布目标</translation>
    </message>
    <message>
        <location filename="../../ui/admin/targets_tab.py" line="54"/>
        <source>Default target</source>
        <translation>默认目标</translation>
    </message>
    <message>
        <location filename="../../ui/admin/targets_tab.py" line="66"/>
        <source>host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../../ui/admin/targets_tab.py" line="77"/>
        <source>FTPS (encrypted)</source>
        <translation>FTPS（加密）</translation>
    </message>
    <message>
        <location filename="../../ui/admin/targets_tab.py" line="78"/>
        <source>Folder (local or shared)</source>
        <translation>文件夹（本机或共享）</translation>
    </message>
    <message>
        <location filename="../../ui/admin/targets_tab.py" line="133"/>
        <source>Password for %1:</source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/targets_tab.py" line="149"/>
        <source>The key of %1 is forgotten: the next connection asks again.</source>
        <translation>已忘记 %1 的密钥：下次连接时会重新询问。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/targets_tab.py" line="159"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../ui/admin/targets_tab.py" line="161"/>
        <source>Publish targets</source>
        <translation>发布目标</translation>
    </message>
    <message>
        <location filename="../../ui/admin/targets_tab.py" line="161"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>TopicDialog</name>
    <message>
        <location filename="../../ui/admin/topics_tab.py" line="18"/>
        <source>Add a topic</source>
        <translation>新建专题</translation>
    </message>
    <message>
        <location filename="../../ui/admin/topics_tab.py" line="23"/>
        <source>Slug (path)</source>
        <translation>路径名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/topics_tab.py" line="24"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/admin/topics_tab.py" line="25"/>
        <source>Description</source>
        <translation>简介</translation>
    </message>
</context>
<context>
    <name>TopicsTab</name>
    <message>
        <location filename="../../ui/admin/topics_tab.py" line="37"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/admin/topics_tab.py" line="37"/>
        <source>Slug (path)</source>
        <translation>路径名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/topics_tab.py" line="38"/>
        <source>Description</source>
        <translation>简介</translation>
    </message>
    <message>
        <location filename="../../ui/admin/topics_tab.py" line="42"/>
        <source>Add…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/topics_tab.py" line="62"/>
        <source>Not added</source>
        <translation>未添加</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="24"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="24"/>
        <source>Add a user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="30"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="37"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="38"/>
        <source>Real name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="43"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="45"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="46"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="71"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="71"/>
        <source>Real name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="72"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="72"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="77"/>
        <source>Add…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="78"/>
        <source>Roles…</source>
        <translation>角色…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="79"/>
        <source>Deactivate / activate</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="80"/>
        <source>Reset password…</source>
        <translation>重设密码…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="81"/>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="99"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="99"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="123"/>
        <source>Not added</source>
        <translation>未添加</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="131"/>
        <location filename="../../ui/admin/users_tab.py" line="137"/>
        <location filename="../../ui/admin/users_tab.py" line="150"/>
        <location filename="../../ui/admin/users_tab.py" line="172"/>
        <location filename="../../ui/admin/users_tab.py" line="175"/>
        <source>Not changed</source>
        <translation>未修改</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="145"/>
        <source>Reset password</source>
        <translation>重设密码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="145"/>
        <source>New password for %1:</source>
        <translation>%1 的新密码：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="158"/>
        <location filename="../../ui/admin/users_tab.py" line="162"/>
        <location filename="../../ui/admin/users_tab.py" line="166"/>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="159"/>
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="163"/>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="167"/>
        <source>The same password again:</source>
        <translation>再输入一次密码：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="173"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../ui/publish/verify_dialog.py" line="25"/>
        <source>Verify the live site</source>
        <translation>核验线上网站</translation>
    </message>
    <message>
        <location filename="../../ui/publish/verify_dialog.py" line="31"/>
        <source>https://www.example.gov.cn/ or a folder</source>
        <translation>https://www.example.gov.cn/ 或文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/publish/verify_dialog.py" line="32"/>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/publish/verify_dialog.py" line="33"/>
        <source>Verify</source>
        <translation>核验</translation>
    </message>
    <message>
        <location filename="../../ui/publish/verify_dialog.py" line="42"/>
        <source>What was published (manifest)</source>
        <translation>发布清单（manifest）</translation>
    </message>
    <message>
        <location filename="../../ui/publish/verify_dialog.py" line="43"/>
        <location filename="../../ui/publish/verify_dialog.py" line="60"/>
        <source>The live copy</source>
        <translation>线上副本</translation>
    </message>
    <message>
        <location filename="../../ui/publish/verify_dialog.py" line="44"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/publish/verify_dialog.py" line="67"/>
        <source>Name the manifest and the live copy.</source>
        <translation>请填写发布清单和线上副本。</translation>
    </message>
    <message>
        <location filename="../../ui/publish/verify_dialog.py" line="71"/>
        <source>Verifying…</source>
        <translation>正在核验…</translation>
    </message>
    <message>
        <location filename="../../ui/publish/verify_dialog.py" line="77"/>
        <source>Could not verify: %1</source>
        <translation>无法核验：%1</translation>
    </message>
    <message>
        <location filename="../../ui/publish/verify_dialog.py" line="81"/>
        <source>The live site is what was published: %1 files checked.</source>
        <translation>线上网站与发布内容一致：已核对 %1 个文件。</translation>
    </message>
    <message>
        <location filename="../../ui/publish/verify_dialog.py" line="82"/>
        <source>%1 files checked: %2 modified, %3 missing, %4 unexpected.</source>
        <translation>已核对 %1 个文件：%2 个被改动，%3 个缺失，%4 个多出。</translation>
    </message>
    <message>
        <location filename="../../ui/publish/verify_dialog.py" line="86"/>
        <source>Modified</source>
        <translation>被改动</translation>
    </message>
    <message>
        <location filename="../../ui/publish/verify_dialog.py" line="86"/>
        <source>added:</source>
        <translation>被加入：</translation>
    </message>
    <message>
        <location filename="../../ui/publish/verify_dialog.py" line="87"/>
        <source>search-spam injection (博彩):</source>
        <translation>搜索垃圾植入（博彩）：</translation>
    </message>
    <message>
        <location filename="../../ui/publish/verify_dialog.py" line="97"/>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../ui/publish/verify_dialog.py" line="98"/>
        <source>Unexpected</source>
        <translation>多出</translation>
    </message>
</context>
<context>
    <name>WordListDialog</name>
    <message>
        <location filename="../../ui/word_lists.py" line="27"/>
        <location filename="../../ui/word_lists.py" line="157"/>
        <location filename="../../ui/word_lists.py" line="162"/>
        <source>机审 lists</source>
        <translation>机审名单</translation>
    </message>
    <message>
        <location filename="../../ui/word_lists.py" line="32"/>
        <source>Filter terms…</source>
        <translation>筛选词条…</translation>
    </message>
    <message>
        <location filename="../../ui/word_lists.py" line="34"/>
        <source>Term</source>
        <translation>词条</translation>
    </message>
    <message>
        <location filename="../../ui/word_lists.py" line="34"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/word_lists.py" line="35"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/word_lists.py" line="35"/>
        <source>Replacement</source>
        <translation>建议替换为</translation>
    </message>
    <message>
        <location filename="../../ui/word_lists.py" line="42"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/word_lists.py" line="43"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/word_lists.py" line="44"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../ui/word_lists.py" line="45"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/word_lists.py" line="76"/>
        <source>Banned and cautioned words</source>
        <translation>禁用词与慎用词</translation>
    </message>
    <message>
        <location filename="../../ui/word_lists.py" line="77"/>
        <source>Protected names</source>
        <translation>重要人名</translation>
    </message>
    <message>
        <location filename="../../ui/word_lists.py" line="77"/>
        <source>Misspellings</source>
        <translation>易错词</translation>
    </message>
    <message>
        <location filename="../../ui/word_lists.py" line="78"/>
        <source>Traditional characters kept</source>
        <translation>繁体字例外</translation>
    </message>
    <message>
        <location filename="../../ui/word_lists.py" line="89"/>
        <source>block (禁用)</source>
        <translation>禁用（拦截）</translation>
    </message>
    <message>
        <location filename="../../ui/word_lists.py" line="90"/>
        <source>warn (慎用)</source>
        <translation>慎用（警告）</translation>
    </message>
    <message>
        <location filename="../../ui/word_lists.py" line="119"/>
        <source>%1 terms</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <location filename="../../ui/word_lists.py" line="123"/>
        <location filename="../../ui/word_lists.py" line="130"/>
        <source>Import word list</source>
        <translation>导入词表</translation>
    </message>
    <message>
        <location filename="../../ui/word_lists.py" line="124"/>
        <location filename="../../ui/word_lists.py" line="140"/>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/word_lists.py" line="139"/>
        <location filename="../../ui/word_lists.py" line="146"/>
        <source>Export word list</source>
        <translation>导出词表</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="86"/>
        <location filename="../../ui/damage.py" line="52"/>
        <source>Newsdesk</source>
        <translation>Newsdesk 采编系统</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="87"/>
        <source>Cannot open %1:
%2</source>
        <translation>无法打开 %1：
%2</translation>
    </message>
</context>
<context>
    <name>conflict</name>
    <message>
        <location filename="../../ui/editor/conflict.py" line="14"/>
        <source>“%1” was saved elsewhere after you opened it. Merge your changes into theirs, or save yours as a copy?</source>
        <translation>您打开“%1”之后，它已在别处保存过。要把您的修改合并进去，还是另存为副本？</translation>
    </message>
    <message>
        <location filename="../../ui/editor/conflict.py" line="18"/>
        <source>Saved elsewhere meanwhile</source>
        <translation>稿件已在别处保存</translation>
    </message>
    <message>
        <location filename="../../ui/editor/conflict.py" line="20"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../ui/editor/conflict.py" line="22"/>
        <source>Save as a copy</source>
        <translation>另存为副本</translation>
    </message>
</context>
<context>
    <name>damage</name>
    <message>
        <location filename="../../ui/damage.py" line="26"/>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location filename="../../ui/damage.py" line="27"/>
        <source>The database %1 is damaged (%2).</source>
        <translation>数据库 %1 已损坏（%2）。</translation>
    </message>
    <message>
        <location filename="../../ui/damage.py" line="32"/>
        <source>Your text is kept in %1.</source>
        <translation>您的文字已保存在 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/damage.py" line="35"/>
        <source>The newest good backup is %1. Restore it? The damaged file is kept aside.</source>
        <translation>最近一份完好的备份是 %1。要恢复它吗？损坏的文件会另行保留。</translation>
    </message>
    <message>
        <location filename="../../ui/damage.py" line="38"/>
        <source>Restore the backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../ui/damage.py" line="41"/>
        <source>No good backup was found next to it.</source>
        <translation>旁边没有找到完好的备份。</translation>
    </message>
</context>
<context>
    <name>file_dialogs</name>
    <message>
        <location filename="../../ui/file_dialogs.py" line="73"/>
        <source>Look in:</source>
        <translation>查找范围：</translation>
    </message>
    <message>
        <location filename="../../ui/file_dialogs.py" line="75"/>
        <source>Files of type:</source>
        <translation>文件类型：</translation>
    </message>
</context>
<context>
    <name>images</name>
    <message>
        <location filename="../../ui/editor/images.py" line="47"/>
        <source>Picture text</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <location filename="../../ui/editor/images.py" line="50"/>
        <source>Describe what the picture shows, for readers who cannot see it</source>
        <translation>请描述图片内容，供看不到图片的读者了解</translation>
    </message>
    <message>
        <location filename="../../ui/editor/images.py" line="53"/>
        <source>Shown under the picture (optional)</source>
        <translation>显示在图片下方（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/images.py" line="56"/>
        <source>Who took it, e.g. 记者 刘海涛 摄 (optional)</source>
        <translation>拍摄者或来源，如：记者 刘海涛 摄（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/images.py" line="62"/>
        <source>Alt text (required)</source>
        <translation>替代文字（必填）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/images.py" line="63"/>
        <source>Caption</source>
        <translation>图片说明文字</translation>
    </message>
    <message>
        <location filename="../../ui/editor/images.py" line="64"/>
        <source>Credit</source>
        <translation>摄影/来源</translation>
    </message>
    <message>
        <location filename="../../ui/editor/images.py" line="92"/>
        <source>Images (*.jpg *.jpeg *.png *.gif *.webp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.gif *.webp)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/images.py" line="94"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <location filename="../../ui/operations.py" line="25"/>
        <source>Password for %1:</source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="26"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="43"/>
        <source>Not recalled</source>
        <translation>未撤回</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="51"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="53"/>
        <source>“%1” goes back to draft. Once corrected it must pass %2 again.
Until the corrected story is signed off and published, the site keeps showing it unchanged.

The correction note the page will carry (更正说明):</source>
        <translation>“%1”将退回草稿，改好后须重新经过%2。
更正稿签发并发布之前，网站上仍显示原稿，不作改动。

更正说明（将刊登在稿件页面上）：</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="57"/>
        <source>Correct a published story</source>
        <translation>更正已发布稿件</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="81"/>
        <source>Withdrawn</source>
        <translation>已撤稿</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="82"/>
        <source>“%1” is withdrawn, but its page stays on the live site until the site is next published: publishing replaces it with a withdrawal notice.</source>
        <translation>“%1”已撤稿，但在下次发布网站之前，它的页面仍留在线上网站；发布后，该页面将换成撤稿说明。</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="61"/>
        <source>Not reopened for correction</source>
        <translation>未能发起更正</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="68"/>
        <source>Why is “%1” withdrawn (撤稿原因)?</source>
        <translation>“%1”的撤稿原因：</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="69"/>
        <source>Withdraw a story</source>
        <translation>撤稿</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="76"/>
        <source>Not withdrawn</source>
        <translation>未撤稿</translation>
    </message>
</context>
<context>
    <name>pictures</name>
    <message>
        <location filename="../../ui/editor/picture_objects.py" line="79"/>
        <source>No alt text yet: double-click to describe the picture</source>
        <translation>还没有替代文字：双击图片填写</translation>
    </message>
    <message>
        <location filename="../../ui/editor/picture_objects.py" line="140"/>
        <source>Picture not stored with the story: %1</source>
        <translation>图片未存入本稿：%1</translation>
    </message>
</context>
<context>
    <name>signing</name>
    <message>
        <location filename="../../ui/queue/signing.py" line="21"/>
        <source>Refused</source>
        <translation>操作被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/queue/signing.py" line="39"/>
        <source>Sign %1 of “%2”. Opinion (optional):</source>
        <translation>签审“%2”的%1。审核意见（可不填）：</translation>
    </message>
    <message>
        <location filename="../../ui/queue/signing.py" line="41"/>
        <source>Sign off</source>
        <translation>签审</translation>
    </message>
    <message>
        <location filename="../../ui/queue/signing.py" line="71"/>
        <source>“%1” went back to its author.</source>
        <translation>“%1”已退回作者。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/signing.py" line="73"/>
        <source>“%1” is signed off: it is published at %2.</source>
        <translation>“%1”已签发：将于 %2 发布。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/signing.py" line="77"/>
        <source>“%1” is signed off: it is published with the next publication of the site.</source>
        <translation>“%1”已签发：将随下次网站发布一同发布。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/signing.py" line="80"/>
        <source>“%1” waits for %2.</source>
        <translation>“%1”等待%2。</translation>
    </message>
</context>
<context>
    <name>states</name>
    <message>
        <location filename="../../ui/article_model.py" line="18"/>
        <source>Published · being corrected</source>
        <translation>已发布·更正中</translation>
    </message>
    <message>
        <location filename="../../ui/article_model.py" line="20"/>
        <source>Correction · %1</source>
        <translation>更正·%1</translation>
    </message>
    <message>
        <location filename="../../ui/article_model.py" line="23"/>
        <source>At %1</source>
        <translation>%1中</translation>
    </message>
    <message>
        <location filename="../../ui/article_model.py" line="25"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/article_model.py" line="26"/>
        <source>Submitted</source>
        <translation>已送审</translation>
    </message>
    <message>
        <location filename="../../ui/article_model.py" line="27"/>
        <source>In review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <location filename="../../ui/article_model.py" line="28"/>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../ui/article_model.py" line="29"/>
        <source>Approved</source>
        <translation>已签发</translation>
    </message>
    <message>
        <location filename="../../ui/article_model.py" line="30"/>
        <source>Scheduled</source>
        <translation>待发布</translation>
    </message>
    <message>
        <location filename="../../ui/article_model.py" line="31"/>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <location filename="../../ui/article_model.py" line="32"/>
        <source>Withdrawn</source>
        <translation>已撤稿</translation>
    </message>
</context>
</TS>
