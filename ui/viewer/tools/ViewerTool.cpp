#include "ViewerTool.h"

#include "viewer/SlideView.h"

namespace tessera::ui {

ViewerTool::ViewerTool(SlideView* view) : QObject(view), m_view(view) {}

} // namespace tessera::ui
