"""Draws the demo newsroom's cover pictures (resources/demo/pictures/*.jpg): simple
painted scenes, so the demo's home page has a 头条 picture and 图片新闻 without
shipping anyone's photographs. Run it again only to change them:

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/demo_pictures.py"""
from __future__ import annotations

import math
import random
import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush, QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPainterPath, QPen,
    QPolygonF,
)

W, H = 960, 540
OUT = Path(__file__).resolve().parent.parent / "resources" / "demo" / "pictures"


def sky(p: QPainter, top: str, bottom: str, horizon: float = H) -> None:
    g = QLinearGradient(0, 0, 0, horizon)
    g.setColorAt(0, QColor(top))
    g.setColorAt(1, QColor(bottom))
    p.fillRect(QRectF(0, 0, W, horizon), g)


def hills(p: QPainter, base: float, height: float, color: str, waves: float, phase: float):
    path = QPainterPath(QPointF(0, H))
    for x in range(0, W + 10, 10):
        y = base - height * (0.5 + 0.5 * math.sin(x / W * waves * math.pi + phase))
        path.lineTo(x, y)
    path.lineTo(W, H)
    p.fillPath(path, QColor(color))


def old_street(p: QPainter) -> None:
    """白塔镇老街: the white pagoda over dark-roofed houses and a slab road."""
    sky(p, "#9ec5e8", "#e8f1f8", 330)
    hills(p, 330, 60, "#8aa79a", 3, 0.4)
    pagoda = [(480, 70, 26)] + [(480, 110 + 34 * i, 34 + 6 * i) for i in range(6)]
    p.setPen(Qt.NoPen)
    for x, y, half in pagoda:
        p.setBrush(QColor("#f4f1ea"))
        p.drawRect(QRectF(x - half * 0.6, y, half * 1.2, 30))
        p.setBrush(QColor("#5a5550"))
        p.drawPolygon(QPolygonF([QPointF(x - half, y + 6), QPointF(x + half, y + 6),
                                 QPointF(x + half * 0.7, y - 4), QPointF(x - half * 0.7, y - 4)]))
    for side in (-1, 1):
        for i in range(5):
            x = 480 + side * (150 + i * 90)
            top = 300 + i * 22
            p.setBrush(QColor("#f2efe8"))
            p.drawRect(QRectF(x - 45, top, 90, 150))
            p.setBrush(QColor("#3d3f45"))
            p.drawPolygon(QPolygonF([QPointF(x - 58, top + 4), QPointF(x + 58, top + 4),
                                     QPointF(x + 40, top - 26), QPointF(x - 40, top - 26)]))
            p.setBrush(QColor("#7a4b2a"))
            p.drawRect(QRectF(x - 14, top + 80, 28, 70))
    road = QPolygonF([QPointF(400, 380), QPointF(560, 380), QPointF(W, H), QPointF(0, H)])
    p.setBrush(QColor("#9a968d"))
    p.drawPolygon(road)
    clip = QPainterPath()
    clip.addPolygon(road)
    p.setClipPath(clip)
    p.setPen(QPen(QColor("#7d796f"), 2))
    for i in range(1, 9):
        y = 380 + (H - 380) * (i / 9) ** 1.6
        p.drawLine(QPointF(0, y), QPointF(W, y))
    p.setClipping(False)


def tea_hills(p: QPainter) -> None:
    """越溪高山茶: terraced tea rows on misty hills."""
    sky(p, "#cfe3ee", "#f4f8f2", 260)
    hills(p, 250, 90, "#b9cdb6", 2.2, 1.0)
    hills(p, 330, 120, "#6f9a5c", 1.6, 2.2)
    p.setPen(QPen(QColor("#4e7d3c"), 7, Qt.SolidLine, Qt.RoundCap))
    for row in range(14):
        y0 = 330 + row * 16
        path = QPainterPath(QPointF(0, y0))
        for x in range(0, W + 10, 10):
            path.lineTo(x, y0 - 40 * math.sin(x / W * 1.6 * math.pi + 2.2) * (1 - row / 20))
        p.drawPath(path)
    random.seed(8)
    p.setPen(Qt.NoPen)
    for _ in range(6):  # pickers' hats
        x, y = random.uniform(120, 840), random.uniform(400, 500)
        p.setBrush(QColor("#e8d9a8"))
        p.drawPolygon(QPolygonF([QPointF(x - 16, y), QPointF(x + 16, y), QPointF(x, y - 14)]))
        p.setBrush(QColor("#c0392b"))
        p.drawRect(QRectF(x - 7, y, 14, 18))


def night_clinic(p: QPainter) -> None:
    """县人民医院夜间门诊: the lit hospital at night."""
    sky(p, "#0f1a33", "#2c3e66", H)
    p.setPen(Qt.NoPen)
    p.setBrush(QColor("#d9dde6"))
    p.drawRect(QRectF(200, 140, 560, 340))
    random.seed(5)
    for row in range(6):
        for col in range(9):
            lit = random.random() < 0.7
            p.setBrush(QColor("#ffe9a8" if lit else "#5b6478"))
            p.drawRect(QRectF(230 + col * 58, 165 + row * 44, 34, 26))
    p.setBrush(QColor("#ffffff"))
    p.drawRect(QRectF(420, 60, 120, 60))
    p.setBrush(QColor("#d62828"))
    p.drawRect(QRectF(470, 68, 20, 44))
    p.drawRect(QRectF(458, 80, 44, 20))
    p.setBrush(QColor("#3a3f4b"))
    p.drawRect(QRectF(0, 480, W, 60))
    p.setBrush(QColor("#ffe9a8"))
    p.drawRect(QRectF(430, 400, 100, 80))


def meeting_hall(p: QPainter) -> None:
    """经济工作会议: a red banner over the rostrum, rows of seats."""
    sky(p, "#f3ece2", "#e4d8c6", H)
    p.setPen(Qt.NoPen)
    p.setBrush(QColor("#b3121b"))
    p.drawRect(QRectF(80, 40, 800, 70))
    p.setBrush(QColor("#f2c14e"))
    for i in range(14):
        p.drawRect(QRectF(120 + i * 52, 62, 30, 26))
    p.setBrush(QColor("#8b5a2b"))
    p.drawRect(QRectF(120, 170, 720, 70))
    for i in range(9):
        p.setBrush(QColor("#2f3b4c"))
        p.drawEllipse(QRectF(150 + i * 78, 140, 34, 34))
    for row in range(4):
        for col in range(12):
            p.setBrush(QColor("#3f4a5c" if (row + col) % 3 else "#6b7686"))
            w = 50 + row * 6
            p.drawRoundedRect(QRectF(60 + col * (w + 18) - row * 20, 300 + row * 58, w, 40), 6, 6)


SCENES = {"laojie.jpg": old_street, "chaye.jpg": tea_hills, "yejian.jpg": night_clinic,
          "huiyi.jpg": meeting_hall}


def main() -> int:
    QGuiApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, scene in SCENES.items():
        image = QImage(W, H, QImage.Format_RGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setBrush(QBrush())
        scene(painter)
        painter.end()
        image.save(str(OUT / name), "JPG", 82)
        print(OUT / name, (OUT / name).stat().st_size // 1024, "KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
