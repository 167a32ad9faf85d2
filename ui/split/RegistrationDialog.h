// Registering two serial sections shown side by side (View ▸ Split ▸ Register Slides…): the user
// clicks a structure in View 1, then the same structure in View 2, four times or more; an affine
// is fitted by least squares (core::AffineRegistration), each pair's residual shown in µm so a bad
// click stands out, and the views are linked through the fit. The pairs are kept per slide pair in
// the project (core/project/RegistrationStore).
#pragma once

#include "compare/SlideRegistration.h"

#include <QDialog>
#include <QPointer>
#include <functional>
#include <optional>

class QLabel;
class QTableWidget;

namespace tessera::core {
class Project;
}

namespace tessera::ui {

class PointPickTool;
class SlideView;
class SplitView;

class RegistrationDialog : public QDialog {
    Q_OBJECT
public:
    // Registers the split's second pane onto its first. `project` gives the open project (or
    // nullptr: the pairs are not kept).
    RegistrationDialog(SplitView* split, std::function<core::Project*()> project, QWidget* parent = nullptr);
    ~RegistrationDialog() override;

    const std::vector<core::PointPair>& pairs() const { return m_pairs; }
    const std::optional<core::AffineRegistration>& registration() const { return m_registration; }
    // Adds a point as a click does: in View 1 (`first`) it waits for its partner in View 2.
    void pick(bool first, QPointF level0);
    void removePair(int index);
    void done(int result) override; // closed: clicks pan again at once, not when deleted later

Q_SIGNALS:
    void registrationChanged();

private:
    void releaseViews(); // the views go back to panning
    void refresh();
    void save();
    QString inMicrons(double pixels) const;

    QPointer<SplitView> m_split;
    QPointer<SlideView> m_fixed, m_moving;
    std::function<core::Project*()> m_project;
    std::vector<core::PointPair> m_pairs;
    std::optional<QPointF> m_waiting; // a View 1 point waiting for its partner
    std::optional<core::AffineRegistration> m_registration;
    QPointer<PointPickTool> m_fixedTool, m_movingTool; // children of their views
    QString m_saveProblem;
    QLabel* m_step;
    QLabel* m_summary;
    QTableWidget* m_table;
};

} // namespace tessera::ui
