// Training from the GUI: the model with its defaults, the feature set (or "extract first" with an
// extractor), the split or k folds, fine-tuning from an earlier run, the device and precision.
// Every value is checked before launch (TrainingPlan) and a wrong one is refused with the reason
// shown next to its field. Accepting yields the jobs to queue.
#pragma once

#include "project/TrainingPlan.h"

#include <QDialog>
#include <QMap>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace tessera::core {
class Project;
}

namespace tessera::ui {

class AnnotationCountHint;

class TrainingDialog : public QDialog {
    Q_OBJECT
public:
    explicit TrainingDialog(core::Project& project, QWidget* parent = nullptr);

    core::TrainingRequest request() const;
    // Checks the request; shows each problem beside its field. Empty when it can be launched.
    std::vector<core::FieldProblem> check();
    std::vector<core::PlannedJob> plannedJobs() const;
    // The reason shown beside a field ("" when none); keys as in FieldProblem.
    QString problemShown(const QString& field) const;

    // The fields, for tests and scripting.
    QComboBox* modelBox() const { return m_model; }
    QLineEdit* nameEdit() const { return m_name; }
    QSpinBox* epochsBox() const;
    QDoubleSpinBox* learningRateBox() const;
    QDoubleSpinBox* wGenBox() const;
    QComboBox* featureSetBox() const { return m_featureSet; }
    QComboBox* extractorBox() const { return m_extractor; }
    QComboBox* splitBox() const { return m_split; }
    QSpinBox* foldsBox() const { return m_folds; }
    QComboBox* parentBox() const { return m_parent; }
    QComboBox* deviceBox() const { return m_device; }
    QComboBox* precisionBox() const;
    QSpinBox* threadsBox() const;
    QSpinBox* processesBox() const { return m_processes; }
    QSpinBox* slidesPerStepBox() const;
    // The widget of a setting of core::trainSettings() made from its row; nullptr for the model,
    // the device and the parent run, which have their own choices above.
    QWidget* settingField(const QString& key) const { return m_settingFields.value(key); }
    AnnotationCountHint* annotationCounts() const { return m_annotationCounts; }
    // The same training as commands for a cluster (torchrun, SLURM); the dialog's button shows it.
    // For `gpusPerNode` GPUs a node (0: this machine's count, at least 1).
    QString clusterCommands(int gpusPerNode = 0) const;
    int localGpuCount() const; // CUDA devices the dialog offers

    void accept() override; // only when check() finds nothing
    // Closed either way: the choices are remembered for this project's next opening.
    void done(int result) override;

private:
    QString settingsGroup() const; // per project
    void remember() const;
    void restore();

    void showDevices(); // the probed devices, keeping the choice
    void applyModelDefaults();
    void recheckShownProblems();
    // A setting's row: label and help from core::trainSettings().
    void addSettingRow(QFormLayout* form, const QString& key, QWidget* widget);
    void addRow(QFormLayout* form, const QString& field, const QString& label, QWidget* widget,
                const QString& tooltip);

    core::Project& m_project;
    QComboBox* m_model;
    QLineEdit* m_name;
    QComboBox* m_featureSet;
    QComboBox* m_extractor;
    QComboBox* m_split;
    QSpinBox* m_folds;
    QComboBox* m_parent;
    QComboBox* m_device;
    QSpinBox* m_processes;                             // shown only with two or more GPUs
    QMap<QString, QWidget*> m_settingFields;           // key → the widget made from its row
    AnnotationCountHint* m_annotationCounts = nullptr; // beside "Learn from annotations"
    QFormLayout* m_computeForm;
    QString m_wantedDevice;            // remembered, not (yet) found
    QMap<QString, QLabel*> m_problems; // field → the label beside it
    QLabel* m_otherProblems;
};

} // namespace tessera::ui
