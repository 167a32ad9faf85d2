#include "AboutBox.h"

#include "common/Error.h"
#include "system/LibraryVersions.h"

#include <QMessageBox>

namespace tessera::ui {

void AboutBox::show(QWidget* parent)
{
    QString text = tr("<h3>Tessera %1</h3><p>Whole-slide viewer and spatially regularized MIL.</p><table>")
                       .arg(QCoreApplication::applicationVersion());
    try {
        for (const auto& [library, version] : core::libraryVersions())
            text += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>").arg(library, version.toHtmlEscaped());
    } catch (const core::Error& error) {
        text += QStringLiteral("<tr><td colspan=2>%1</td></tr>").arg(error.message().toHtmlEscaped());
    }
    QMessageBox::about(parent, tr("About Tessera"), text + QStringLiteral("</table>"));
}

} // namespace tessera::ui
