#pragma once
// Help > About: what this build is (version, commit), its licence, the kernel release whose
// rules it simulates unless told otherwise, and the project's home.
#include <QCoreApplication>
#include <QString>

class QWidget;

class AboutDialog {
    Q_DECLARE_TR_FUNCTIONS(AboutDialog)
public:
    // The dialog's rich text (apart from the dialog, so a test reads it without a modal loop).
    static QString text();
    // Opens the dialog window-modal without blocking; deleted when closed. objectName "aboutDialog".
    static void show(QWidget* parent);
};
