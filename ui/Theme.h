#pragma once
// Light and dark palettes (Fusion style), or the platform's own. Charts follow through
// installPlotTheme(); custom-drawn views paint with palette roles.
#include <QString>

enum class Theme { System, Light, Dark };

void applyTheme(Theme theme);
Theme themeFromString(const QString& s);
QString themeToString(Theme theme);
