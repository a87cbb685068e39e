#pragma once
// The interface language: English or 简体中文, chosen in View > Language (QSettings
// view/language: "system", "en" or "zh_CN"), else the system locale. Applied when the program
// starts: the translators are installed before the command line is parsed, so --help, messages
// and the window all speak it.
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace language {

// The languages the interface has, as QLocale names; English is the source text.
inline const QStringList kAvailable{"en", "zh_CN"};

// The remembered choice: "system", or one of kAvailable.
QString setting();
void setSetting(const QString& choice);
// The language in force: the setting, or the system locale's when the setting is "system"
// (a Chinese locale of any region gives zh_CN; anything else gives English).
QString effective();
// The system locale's language, as effective() would choose it for "system".
QString systemLanguage();
// Loads ReclaimScope's translation (compiled in, :/i18n) and Qt's own (standard buttons and
// dialogs) for effective(); English installs nothing. Returns the language installed.
QString install(QCoreApplication& app);
// Removes what install() installed: the source texts (English) again (the tests switch back).
void uninstall(QCoreApplication& app);
// The language whose translation is installed now ("en" before install()).
QString current();
// A language's name in itself, for the menu: "English", "简体中文".
QString nativeName(const QString& lang);

} // namespace language
