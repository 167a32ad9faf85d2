#include "SlideFiles.h"

#include <QCoreApplication>

namespace tessera::ui {

QString slideFileFilter()
{
    return QCoreApplication::translate(
        "SlideFiles",
        "Whole-slide images (*.svs *.tif *.tiff *.ndpi *.vms *.vmu *.scn *.mrxs *.svslide *.bif *.dcm);;"
        "All files (*)");
}

} // namespace tessera::ui
