#include "SlideTabs.h"

#include "SplitView.h"
#include "common/Error.h"
#include "document/SlideDocument.h"
#include "slide/TileCache.h"
#include "tasks/TaskRunner.h"
#include "viewer/SlideView.h"

#include <QFileInfo>
#include <QLabel>
#include <QPointer>

namespace tessera::ui {

namespace {

// The page a tab shows while its slide is being opened.
QWidget* openingPage(const QString& path, QWidget* parent)
{
    auto* label = new QLabel(SlideTabs::tr("Opening %1…").arg(QFileInfo(path).fileName()), parent);
    label->setObjectName(QStringLiteral("openingPage"));
    label->setAlignment(Qt::AlignCenter);
    label->setStyleSheet(QStringLiteral("background: #3a3a3e; color: #c8c8c8;"));
    return label;
}

} // namespace

SlideTabs::SlideTabs(core::TileCache* cache, QWidget* parent) : QTabWidget(parent), m_cache(cache)
{
    setTabsClosable(true);
    setDocumentMode(true);
    connect(this, &QTabWidget::currentChanged, this, [this] { Q_EMIT currentViewChanged(currentView()); });
    connect(this, &QTabWidget::tabCloseRequested, this, &SlideTabs::closeTab);
}

SlideTabs::~SlideTabs()
{
    blockSignals(true); // nobody should hear about tabs of a widget going away
    // Views own tile loaders whose workers write into the shared cache: they go first.
    while (count() > 0)
        closeTab(0);
}

void SlideTabs::open(const QString& path)
{
    QWidget* page = openingPage(path, this);
    const int index = addTab(page, QFileInfo(path).fileName());
    setTabToolTip(index, path);
    setCurrentIndex(index);
    const QPointer<QWidget> placeholder(page);
    // The slide's head is read off the GUI thread (a network share can take seconds).
    TaskRunner::instance().run(
        this, tr("Opening %1").arg(QFileInfo(path).fileName()),
        [path](TaskControl&) { return core::Slide::open(path); },
        [this, placeholder, path](TaskResult<core::SlidePtr> outcome) {
            if (!placeholder)
                return; // the tab was closed while opening
            const int at = indexOf(placeholder);
            const bool wasCurrent = currentIndex() == at;
            if (!outcome.ok()) {
                removeTab(at);
                delete placeholder;
                Q_EMIT openFailed(path, outcome.error);
                return;
            }
            auto* view = new SlideView(m_cache, this);
            view->setDocument(std::make_unique<SlideDocument>(*outcome.value));
            {
                const QSignalBlocker quiet(this); // one currentViewChanged, below
                insertTab(at, view, QFileInfo(path).fileName());
                setTabToolTip(at, path);
                removeTab(at + 1);
                delete placeholder;
                if (wasCurrent)
                    setCurrentIndex(at);
            }
            Q_EMIT slideOpened(view);
            Q_EMIT currentViewChanged(currentView());
        });
}

SlideView* SlideTabs::currentView() const
{
    return viewAt(currentIndex());
}

SlideView* SlideTabs::viewAt(int index) const
{
    if (const SplitView* split = splitAt(index))
        return split->primaryView();
    return qobject_cast<SlideView*>(widget(index));
}

SplitView* SlideTabs::splitAt(int index) const
{
    return qobject_cast<SplitView*>(widget(index));
}

void SlideTabs::setCurrentView(SlideView* view)
{
    for (int i = 0; i < count(); ++i)
        if (viewAt(i) == view)
            setCurrentIndex(i);
}

SplitView* SlideTabs::setSplitMode(int index, core::SplitMode mode)
{
    SlideView* view = viewAt(index);
    if (!view)
        return nullptr;
    SplitView* split = splitAt(index);
    if (split && mode != core::SplitMode::Single) {
        split->setMode(mode);
        return split;
    }
    if (!split && mode == core::SplitMode::Single)
        return nullptr;
    // The tab's page changes between the view and a split holding it; the docks see the same
    // current view throughout.
    const QString text = tabText(index), tip = tabToolTip(index);
    const bool wasCurrent = currentIndex() == index;
    QWidget* page = nullptr;
    {
        const QSignalBlocker quiet(this);
        removeTab(index);
        if (split) {
            page = split->releasePrimary();
            delete split;
            split = nullptr;
        } else {
            split = new SplitView(view, m_cache, this);
            split->setMode(mode);
            page = split;
        }
        insertTab(index, page, text);
        setTabToolTip(index, tip);
        if (wasCurrent)
            setCurrentIndex(index);
    }
    page->show();
    return split;
}

QList<SlideView*> SlideTabs::views() const
{
    QList<SlideView*> all;
    for (int i = 0; i < count(); ++i)
        if (SlideView* v = viewAt(i))
            all << v;
    return all;
}

int SlideTabs::openingCount() const
{
    return count() - int(views().size());
}

void SlideTabs::closeTab(int index)
{
    QWidget* page = widget(index);
    if (!page)
        return;
    const SlideView* view = viewAt(index);
    const quint64 id = view && view->slide() ? view->slide()->id() : 0;
    removeTab(index);
    delete page; // a view waits for its loader's workers
    if (id)
        m_cache->removeSlide(id);
}

} // namespace tessera::ui
