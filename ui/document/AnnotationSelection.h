// Which annotations of a document are selected (for the select tool, the list and the layer).
#pragma once

#include <QList>
#include <QObject>
#include <QUuid>

namespace tessera::ui {

class AnnotationSelection : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    const QList<QUuid>& ids() const { return m_ids; }
    bool contains(const QUuid& id) const { return m_ids.contains(id); }
    bool isEmpty() const { return m_ids.isEmpty(); }
    void set(const QList<QUuid>& ids);
    void toggle(const QUuid& id);
    void clear() { set({}); }
    quint64 revision() const { return m_revision; }

Q_SIGNALS:
    void changed();

private:
    QList<QUuid> m_ids;
    quint64 m_revision = 1;
};

} // namespace tessera::ui
