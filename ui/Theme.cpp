#include "Theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace {
struct Original {
    QPalette palette;
    QString style;
};

Original& original() {
    static Original o{QApplication::palette(), QApplication::style() ? QApplication::style()->name() : QString()};
    return o;
}

QPalette darkPalette() {
    QPalette p;
    const QColor window(45, 47, 51), base(30, 31, 34), text(225, 225, 225), disabled(125, 125, 125);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, QColor(60, 62, 66));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 90, 90));
    p.setColor(QPalette::Link, QColor(110, 170, 255));
    p.setColor(QPalette::Highlight, QColor(60, 120, 200));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(150, 150, 150));
    p.setColor(QPalette::Dark, QColor(20, 20, 22));
    p.setColor(QPalette::PlaceholderText, disabled);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

QPalette lightPalette() {
    QPalette p = QStyleFactory::create("Fusion")->standardPalette();
    p.setColor(QPalette::Mid, QColor(110, 110, 110)); // hints in palette(mid) stay readable
    return p;
}
} // namespace

void applyTheme(Theme theme) {
    const Original& o = original(); // remembered before the first change
    switch (theme) {
    case Theme::System:
        if (!o.style.isEmpty()) QApplication::setStyle(QStyleFactory::create(o.style));
        QApplication::setPalette(o.palette);
        break;
    case Theme::Light:
        QApplication::setStyle(QStyleFactory::create("Fusion"));
        QApplication::setPalette(lightPalette());
        break;
    case Theme::Dark:
        QApplication::setStyle(QStyleFactory::create("Fusion"));
        QApplication::setPalette(darkPalette());
        break;
    }
}

Theme themeFromString(const QString& s) {
    if (s == "light") return Theme::Light;
    if (s == "dark") return Theme::Dark;
    return Theme::System;
}

QString themeToString(Theme theme) {
    switch (theme) {
    case Theme::Light: return "light";
    case Theme::Dark: return "dark";
    case Theme::System: break;
    }
    return "system";
}
