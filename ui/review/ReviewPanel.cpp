#include "ReviewPanel.h"

#include "ReviewQueue.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tessera::ui {

namespace {

// The crop, dimmed once settled, with a mark saying how.
QIcon stripIcon(const ReviewItem& item)
{
    QPixmap pixmap = QPixmap::fromImage(item.crop);
    if (pixmap.isNull()) {
        pixmap = QPixmap(96, 96);
        pixmap.fill(Qt::lightGray);
    }
    if (item.state != ReviewItem::State::Open) {
        QPainter p(&pixmap);
        p.fillRect(pixmap.rect(), QColor(255, 255, 255, 150));
        p.setPen(Qt::black);
        QFont font = p.font();
        font.setBold(true);
        p.setFont(font);
        const QString mark = item.state == ReviewItem::State::Answered   ? item.answer
                             : item.state == ReviewItem::State::Rejected ? ReviewPanel::tr("rejected")
                                                                         : ReviewPanel::tr("skipped");
        p.drawText(pixmap.rect(), Qt::AlignCenter | Qt::TextWordWrap, mark);
    }
    return QIcon(pixmap);
}

} // namespace

ReviewPanel::ReviewPanel(ReviewQueue* queue, QWidget* parent)
    : QWidget(parent),
      m_queue(queue),
      m_runs(new QComboBox(this)),
      m_acquisition(new QComboBox(this)),
      m_count(new QSpinBox(this)),
      m_ask(new QPushButton(tr("Ask"), this)),
      m_strip(new QListWidget(this)),
      m_current(new QLabel(this)),
      m_answers(new QHBoxLayout),
      m_reject(new QPushButton(tr("Reject (X)"), this)),
      m_skip(new QPushButton(tr("Skip (N)"), this)),
      m_summary(new QLabel(this)),
      m_fineTune(new QPushButton(tr("Fine-tune with my answers"), this)),
      m_comparison(new QLabel(this)),
      m_busy(new QLabel(this))
{
    m_runs->setObjectName(QStringLiteral("reviewRun"));
    m_acquisition->addItem(tr("Disagreement (attention vs. context)"), QStringLiteral("disagreement"));
    m_acquisition->addItem(tr("Disagreement (attention vs. evidence)"), QStringLiteral("evidence"));
    m_acquisition->addItem(tr("Unbacked attention (consistency)"), QStringLiteral("consistency"));
    m_acquisition->addItem(tr("Highest attention"), QStringLiteral("attention"));
    m_acquisition->addItem(tr("Random"), QStringLiteral("random"));
    m_acquisition->setToolTip(tr("How the run chooses what to ask (docs/REVIEW.md)"));
    m_count->setRange(1, 200);
    m_count->setValue(20);
    auto* form = new QFormLayout;
    form->addRow(tr("Run"), m_runs);
    form->addRow(tr("Ask by"), m_acquisition);
    form->addRow(tr("Proposals"), m_count);
    m_strip->setObjectName(QStringLiteral("reviewStrip"));
    m_strip->setViewMode(QListView::IconMode);
    m_strip->setFlow(QListView::LeftToRight);
    m_strip->setWrapping(false);
    m_strip->setIconSize(QSize(96, 96));
    m_strip->setFixedHeight(128);
    m_strip->setMovement(QListView::Static);
    m_current->setWordWrap(true);
    m_summary->setWordWrap(true);
    m_comparison->setWordWrap(true);
    m_comparison->setTextFormat(Qt::RichText);
    m_busy->setWordWrap(true);
    auto* settle = new QHBoxLayout;
    settle->addWidget(m_reject);
    settle->addWidget(m_skip);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_ask);
    layout->addWidget(m_busy);
    layout->addWidget(m_strip);
    layout->addWidget(m_current);
    layout->addLayout(m_answers);
    layout->addLayout(settle);
    layout->addWidget(m_summary);
    layout->addWidget(m_fineTune);
    layout->addWidget(m_comparison);
    layout->addStretch();

    connect(m_ask, &QPushButton::clicked, this, [this] {
        Q_EMIT askRequested(run(), m_acquisition->currentData().toString(), m_count->value());
    });
    connect(m_reject, &QPushButton::clicked, this, &ReviewPanel::rejectRequested);
    connect(m_skip, &QPushButton::clicked, this, &ReviewPanel::skipRequested);
    connect(m_fineTune, &QPushButton::clicked, this, &ReviewPanel::fineTuneRequested);
    connect(m_strip, &QListWidget::currentRowChanged, m_queue, &ReviewQueue::setCurrent);
    connect(m_queue, &ReviewQueue::changed, this, &ReviewPanel::rebuild);
    connect(m_queue, &ReviewQueue::currentChanged, this, &ReviewPanel::showCurrent);
    rebuild();
    showCurrent();
}

void ReviewPanel::setRuns(const QStringList& runs)
{
    const QString was = run();
    m_runs->clear();
    m_runs->addItems(runs);
    if (runs.contains(was))
        m_runs->setCurrentText(was);
    m_ask->setEnabled(!runs.isEmpty() && m_busy->text().isEmpty());
    m_ask->setToolTip(runs.isEmpty() ? tr("Open a project with a finished run") : QString());
}

QString ReviewPanel::run() const
{
    return m_runs->currentText();
}

void ReviewPanel::setBusy(const QString& text)
{
    m_busy->setText(text);
    m_busy->setVisible(!text.isEmpty());
    m_ask->setEnabled(text.isEmpty() && m_runs->count() > 0);
}

void ReviewPanel::setComparison(const QString& text)
{
    m_comparison->setText(text);
}

QString ReviewPanel::currentText() const
{
    return m_current->text();
}

void ReviewPanel::rebuild()
{
    const QSignalBlocker block(m_strip);
    const std::vector<ReviewItem>& items = m_queue->items();
    if (m_strip->count() != int(items.size())) {
        m_strip->clear();
        for (std::size_t i = 0; i < items.size(); ++i)
            m_strip->addItem(new QListWidgetItem(QString::number(i + 1)));
    }
    if (m_answerClasses != m_queue->classes()) // another run's classes
        rebuildAnswers();
    for (std::size_t i = 0; i < items.size(); ++i) {
        m_strip->item(int(i))->setIcon(stripIcon(items[i]));
        m_strip->item(int(i))->setToolTip(items[i].proposal.slideId);
    }
    m_summary->setText(items.empty() ? tr("No proposals yet: choose a run and Ask.") : m_queue->summary());
    const int answered = m_queue->count(ReviewItem::State::Answered);
    m_fineTune->setEnabled(answered > 0);
    m_fineTune->setToolTip(answered > 0
                               ? tr("Queues a fine-tuning job from %1 with the project's annotations, "
                                    "your answers among them")
                                     .arg(m_queue->run())
                               : tr("Answer some proposals first"));
}

void ReviewPanel::rebuildAnswers()
{
    qDeleteAll(m_answerButtons);
    m_answerButtons.clear();
    m_answerClasses = m_queue->classes();
    const QStringList& classes = m_answerClasses;
    for (qsizetype c = 0; c < classes.size(); ++c) {
        auto* button =
            new QPushButton(c < 9 ? QStringLiteral("%1 (%2)").arg(classes[c]).arg(c + 1) : classes[c], this);
        button->setObjectName(QStringLiteral("answer_") + classes[c]);
        connect(button, &QPushButton::clicked, this,
                [this, name = classes[c]] { Q_EMIT answerRequested(name); });
        m_answers->addWidget(button);
        m_answerButtons << button;
    }
}

void ReviewPanel::showCurrent()
{
    const int current = m_queue->current();
    {
        const QSignalBlocker block(m_strip);
        m_strip->setCurrentRow(current);
    }
    for (QPushButton* b : m_answerButtons)
        b->setEnabled(current >= 0);
    m_reject->setEnabled(current >= 0);
    m_skip->setEnabled(current >= 0);
    if (current < 0) {
        m_current->setText(m_queue->items().empty() ? QString() : tr("Every proposal is settled."));
        return;
    }
    const core::Proposal& p = m_queue->items()[std::size_t(current)].proposal;
    const QString why = p.hint == core::Proposal::Hint::Missed ? tr("the run may have missed something here")
                        : p.hint == core::Proposal::Hint::Unbacked ? tr("the run may be wrong to look here")
                                                                   : tr("ranked by %1").arg(p.acquisition);
    m_current->setText(tr("<b>%1 of %2</b> · %3 · %4 (score %5). What is it?")
                           .arg(current + 1)
                           .arg(m_queue->items().size())
                           .arg(p.slideId, why)
                           .arg(p.score, 0, 'f', 2));
}

} // namespace tessera::ui
