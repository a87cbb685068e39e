#include "Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace language {
namespace {
QString g_current = "en";

QString fromLocale(const QLocale& locale) {
    // uiLanguages() honours LANGUAGE as well as LC_ALL / LC_MESSAGES / LANG.
    for (const QString& ui : locale.uiLanguages()) {
        if (ui.startsWith("zh", Qt::CaseInsensitive)) return "zh_CN";
        if (ui.startsWith("en", Qt::CaseInsensitive) || ui == "C") return "en";
    }
    return "en";
}
} // namespace

QString setting() {
    const QString s = QSettings().value("view/language", "system").toString();
    return kAvailable.contains(s) ? s : QStringLiteral("system");
}

void setSetting(const QString& choice) { QSettings().setValue("view/language", choice); }

QString systemLanguage() { return fromLocale(QLocale::system()); }

QString effective() {
    const QString s = setting();
    return s == "system" ? systemLanguage() : s;
}

QString install(QCoreApplication& app) {
    const QString lang = effective();
    if (lang == "en") return g_current = "en";
    // Parented to the application: they live as long as it does.
    auto* ours = new QTranslator(&app);
    if (!ours->load(":/i18n/reclaimscope_" + lang + ".qm")) {
        delete ours;
        return g_current = "en";
    }
    QCoreApplication::installTranslator(ours);
    auto* qt = new QTranslator(&app);
    if (qt->load("qtbase_" + lang, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt; // qt6-translations-l10n missing: Qt's own buttons stay English
    return g_current = lang;
}

void uninstall(QCoreApplication& app) {
    for (QTranslator* t : app.findChildren<QTranslator*>(Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    g_current = "en";
}

QString current() { return g_current; }

QString nativeName(const QString& lang) {
    if (lang == "zh_CN") return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

} // namespace language
