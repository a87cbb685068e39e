#pragma once
// Marks a text the window shows translated: lupdate reads RS_TRANSLATE_NOOP as QT_TRANSLATE_NOOP
// (-tr-function-alias, docs/translations.md), the Qt-free core sees the English literal.
#define RS_TRANSLATE_NOOP(context, text) text
