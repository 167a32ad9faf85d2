// Beside the training dialog's "Learn from annotations" box: how many patches of each class the
// project's annotations label on the training slides, counted in the background from the chosen
// feature set and split, so that the user sees what the annotation loss will train on before
// starting.
#pragma once

#include <QObject>
#include <QString>

class QCheckBox;

namespace tessera::ui {

class AnnotationCountHint : public QObject {
    Q_OBJECT
public:
    // Writes the counts as `box`'s text while it is checked.
    AnnotationCountHint(const QString& projectFolder, QCheckBox* box);

    // The data the job would train on: a feature set's name (empty: none yet) and a split's name,
    // or every labelled slide for k folds (each trains in some fold).
    void setData(const QString& featureSet, const QString& split, bool folds);
    QString text() const;

Q_SIGNALS:
    void counted(); // the box's text is up to date

private:
    void recount();

    QString m_folder;
    QCheckBox* m_box;
    QString m_featureSet, m_split;
    bool m_folds = false;
    quint64 m_task = 0;
};

} // namespace tessera::ui
