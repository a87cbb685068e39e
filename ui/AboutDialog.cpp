#include "AboutDialog.h"

#include "model/machine_spec.h"
#include "util/build_info.h"

#include <QIcon>
#include <QMessageBox>

namespace {
// 616 -> "6.16", as --kernel takes it.
QString kernelRelease(int version) { return QString("%1.%2").arg(version / 100).arg(version % 100); }
} // namespace

QString AboutDialog::text() {
    const QString home = QString::fromUtf8(rs::project_homepage());
    return tr("<h3>ReclaimScope %1</h3>"
              "<p>Simulates the Linux kernel's memory reclaim and shows it live. Watermarks follow "
              "mm/page_alloc.c (__setup_per_zone_wmarks), kswapd follows mm/vmscan.c.</p>"
              "<table>"
              "<tr><td>Version:</td><td>%1</td></tr>"
              "<tr><td>Commit:</td><td>%2</td></tr>"
              "<tr><td>Licence:</td><td>%3</td></tr>"
              "<tr><td>Simulated kernel:</td><td>Linux %4 rules by default (--kernel chooses another release)</td></tr>"
              "<tr><td>Home:</td><td><a href=\"%5\">%5</a></td></tr>"
              "</table>")
        .arg(QString::fromUtf8(rs::build_version()), QString::fromUtf8(rs::build_commit()),
             QString::fromUtf8(rs::project_license()), kernelRelease(rs::kDefaultKernelVersion), home);
}

void AboutDialog::show(QWidget* parent) {
    auto* box = new QMessageBox(QMessageBox::NoIcon, tr("About ReclaimScope"), text(), QMessageBox::Close, parent);
    box->setObjectName("aboutDialog");
    box->setTextFormat(Qt::RichText);
    box->setTextInteractionFlags(Qt::TextBrowserInteraction); // the home link opens; the commit can be copied
    box->setIconPixmap(QIcon(":/icons/reclaimscope.svg").pixmap(64, 64));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}
