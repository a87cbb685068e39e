#include "Guide.h"

#include "util/build_info.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>

QUrl Guide::url() {
    const QString installed = QCoreApplication::applicationDirPath() + "/../share/doc/reclaimscope/README.md";
    // A build folder's binary: the tree it was built from (RECLAIMSCOPE_SOURCE_DIR, ui/CMakeLists.txt).
    const QString source = QStringLiteral(RECLAIMSCOPE_SOURCE_DIR "/README.md");
    for (const QString& path : {installed, source})
        if (QFileInfo(path).isFile()) return QUrl::fromLocalFile(QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
    return QUrl(QString::fromUtf8(rs::project_homepage()) + "#readme");
}

void Guide::open(QWidget* parent) {
    const QUrl guide = url();
    if (!QDesktopServices::openUrl(guide))
        QMessageBox::information(parent, tr("Guide"),
                                 tr("No program on this desktop opens %1. The guide is that file; "
                                    "open it with any text viewer.")
                                     .arg(guide.toDisplayString(QUrl::PreferLocalFile)));
}
