#include "SlideTabs.h"

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
    return qobject_cast<SlideView*>(currentWidget());
}

SlideView* SlideTabs::viewAt(int index) const
{
    return qobject_cast<SlideView*>(widget(index));
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
    const auto* view = qobject_cast<SlideView*>(page);
    const quint64 id = view && view->slide() ? view->slide()->id() : 0;
    removeTab(index);
    delete page; // a view waits for its loader's workers
    if (id)
        m_cache->removeSlide(id);
}

} // namespace tessera::ui
