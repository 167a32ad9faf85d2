// A dock's content in a frameless vertical scroll area: a tall panel (Analysis, Annotations) then
// lets its dock shrink to what a 1366 × 768 screen leaves it, and scrolls instead of pushing the
// window taller than the screen.
#pragma once

#include <QFrame>
#include <QScrollArea>
#include <QScrollBar>

namespace tessera::ui {

inline QScrollArea* scrollableDockContent(QWidget* content, QWidget* parent)
{
    auto* area = new QScrollArea(parent);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidgetResizable(true);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    area->setWidget(content);
    // As wide as the content needs: it scrolls up and down, never sideways.
    area->setMinimumWidth(content->minimumSizeHint().width() + area->verticalScrollBar()->sizeHint().width());
    return area;
}

} // namespace tessera::ui
