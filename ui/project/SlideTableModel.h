// The project's slides as a table: slide, label (editable in place), split part, features,
// predictions, and whether the file is missing.
#pragma once

#include "project/SlideCatalog.h"

#include <QAbstractTableModel>
#include <functional>

namespace tessera::ui {

class SlideTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Slide, Label, Part, Features, Predictions, TrainingData, File, ColumnCount };

    explicit SlideTableModel(QObject* parent = nullptr);

    void setSlides(std::vector<core::SlideRecord> slides);
    const core::SlideRecord& slideAt(int row) const { return m_slides[std::size_t(row)]; }
    // Called when the user edits a label; true when it was stored. The editor refreshes the
    // model (setSlides) with what the project now holds.
    void setLabelEditor(std::function<bool(const QString& key, const QString& label)> editor)
    {
        m_edit = std::move(editor);
    }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;

private:
    std::vector<core::SlideRecord> m_slides;
    std::function<bool(const QString&, const QString&)> m_edit;
};

} // namespace tessera::ui
