// The Review dock's widgets: which run to ask and how, the film strip of proposals, the answer
// buttons (with their keys), the tally, and fine-tuning with the answers and its before/after.
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;
class QHBoxLayout;

namespace tessera::ui {

class ReviewQueue;

class ReviewPanel : public QWidget {
    Q_OBJECT
public:
    explicit ReviewPanel(ReviewQueue* queue, QWidget* parent = nullptr);

    void setRuns(const QStringList& runs); // finished runs of the project, newest first
    QString run() const;
    void setBusy(const QString& text); // empty: idle
    void setComparison(const QString& text);
    QListWidget* strip() const { return m_strip; }
    QPushButton* askButton() const { return m_ask; }
    QPushButton* fineTuneButton() const { return m_fineTune; }
    QString currentText() const;

Q_SIGNALS:
    void askRequested(const QString& run, const QString& acquisition, int count);
    void answerRequested(const QString& className);
    void rejectRequested();
    void skipRequested();
    void fineTuneRequested();

private:
    void rebuild();        // the queue was reset or an item settled
    void showCurrent();    // another item is current
    void rebuildAnswers(); // one button per class of the run

    ReviewQueue* m_queue;
    QComboBox* m_runs;
    QComboBox* m_acquisition;
    QSpinBox* m_count;
    QPushButton* m_ask;
    QListWidget* m_strip;
    QLabel* m_current;
    QHBoxLayout* m_answers;
    QList<QPushButton*> m_answerButtons;
    QStringList m_answerClasses; // what the buttons are for
    QPushButton* m_reject;
    QPushButton* m_skip;
    QLabel* m_summary;
    QPushButton* m_fineTune;
    QLabel* m_comparison;
    QLabel* m_busy;
};

} // namespace tessera::ui
