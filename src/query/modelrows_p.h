// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_MODELROWS_P_H
#define HYSTERIAQT_MODELROWS_P_H

#include "model/modeldata_p.h"

#include <QtCore/QStringList>
#include <QtCore/QVariantList>

#include <memory>

namespace Hy {
class Model;
}

namespace Hy::detail {

class SqlDialect;

// Whose values are read: a row of the database's, or the values an insert
// has just written, of which a process holding only the public key of an
// encrypted column reads nothing back (it wrote the value; it may not read it).
enum class ReadOf : quint8 { Database, OwnWrite };

// Stores a database value into a model's column; throws UnreadableValue
// when it does not fit the column's type, DecryptionFailed when an
// encrypted value does not decrypt. False when the column is left unread.
bool readInto(const ModelData *model, Model *instance, const ColumnData &column, const QVariant &value,
              ReadOf of = ReadOf::Database);

// A model from a row of every model column, in model order (as the SQL
// compiler selects them).
std::unique_ptr<Model> hydrate(const ModelData *model, const QVariantList &values, ReadOf of = ReadOf::Database);

// The current UTC time as the dialect binds it, for autoCreate/autoUpdate.
QString nowText(const SqlDialect &dialect);

} // namespace Hy::detail

#endif // HYSTERIAQT_MODELROWS_P_H
