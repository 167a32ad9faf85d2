#include "AnnotationCountHint.h"

#include "common/Error.h"
#include "project/Project.h"
#include "project/RunRegistry.h"
#include "project/TrainingAnnotations.h"
#include "tasks/TaskRunner.h"

#include <QCheckBox>

namespace tessera::ui {

AnnotationCountHint::AnnotationCountHint(const QString& projectFolder, QCheckBox* box)
    : QObject(box), m_folder(projectFolder), m_box(box)
{
    connect(m_box, &QCheckBox::toggled, this, &AnnotationCountHint::recount);
}

void AnnotationCountHint::setData(const QString& featureSet, const QString& split, bool folds)
{
    m_featureSet = featureSet;
    m_split = split;
    m_folds = folds;
    recount();
}

QString AnnotationCountHint::text() const
{
    return m_box->text();
}

void AnnotationCountHint::recount()
{
    TaskRunner::instance().cancel(m_task);
    m_task = 0;
    if (!m_box->isChecked()) {
        m_box->setText(QString());
        return;
    }
    if (m_featureSet.isEmpty()) {
        m_box->setText(tr("counted once the features are extracted"));
        Q_EMIT counted();
        return;
    }
    m_box->setText(tr("counting annotated patches…"));
    // Reads the training slides' bags: in the background, on the task's own connection.
    const auto work = [folder = m_folder, featureSet = m_featureSet, splitName = m_split,
                       folds = m_folds](TaskControl&) {
        const auto project = core::Project::open(folder);
        const auto set = project->runs().featureSet(featureSet);
        if (!set)
            throw core::Error(tr("the project has no feature set '%1'").arg(featureSet));
        const core::LabelTable labels = project->slides().labelTable();
        core::Split split;
        if (folds)
            split.train = labels.slideIds;
        else
            split = project->slides().split(splitName);
        core::MilDataset data = core::MilDataset::load(set->folder, labels, split);
        const core::TrainingAnnotations counts = core::labelFromAnnotations(*project, data);
        QStringList perClass;
        for (qsizetype c = 0; c < data.classNames().size(); ++c)
            perClass << QStringLiteral("%1 %2")
                            .arg(data.classNames()[c])
                            .arg(counts.patchesPerClass[std::size_t(c)]);
        return tr("%1 patches on %n training slide(s)", nullptr, counts.slides)
            .arg(perClass.join(QStringLiteral(", ")));
    };
    m_task = TaskRunner::instance().run(
        this, tr("Counting annotated patches"), work, [this](TaskResult<QString> result) {
            if (result.cancelled)
                return;
            m_box->setText(result.ok() ? *result.value : tr("not counted: %1").arg(result.error));
            Q_EMIT counted();
        });
}

} // namespace tessera::ui
