#include "CursorReadout.h"

#include "document/SlideAnalysis.h"
#include "document/SlideDocument.h"
#include "slide/Slide.h"
#include "viewer/SlideView.h"

namespace tessera::ui {

CursorReadout::CursorReadout(QWidget* parent) : QLabel(parent) {}

void CursorReadout::setCurrentView(SlideView* view)
{
    m_current = view;
    clear();
}

void CursorReadout::showCursor(SlideView* view, QPointF p, bool insideSlide)
{
    if (view != m_current)
        return;
    if (!insideSlide) {
        clear();
        return;
    }
    QString text = tr("x %1, y %2 px").arg(qint64(p.x())).arg(qint64(p.y()));
    if (const auto mpp = view->slide()->micronsPerPixel())
        text += tr("  (%1, %2 µm)").arg(p.x() * *mpp, 0, 'f', 1).arg(p.y() * *mpp, 0, 'f', 1);
    if (const SlideAnalysis* analysis = view->document()->analysis())
        if (const int patch = analysis->patchAt(p); patch >= 0)
            text += QStringLiteral("   ") + analysis->describePatch(patch);
    setText(text);
}

} // namespace tessera::ui
