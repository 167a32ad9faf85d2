#include "AppIcon.h"

#include <QPainter>
#include <QSvgRenderer>

namespace tessera::ui {

QImage renderAppIcon(int size)
{
    // QSvgRenderer directly, so the icon does not depend on the SVG icon-engine plugin.
    QSvgRenderer renderer(QStringLiteral(":/icons/tessera.svg"));
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    if (renderer.isValid()) {
        QPainter painter(&image);
        renderer.render(&painter);
    }
    return image;
}

QIcon appIcon()
{
    QIcon icon;
    for (int size : {16, 32, 64, 128, 256})
        icon.addPixmap(QPixmap::fromImage(renderAppIcon(size)));
    return icon;
}

} // namespace tessera::ui
