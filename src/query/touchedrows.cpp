// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "query/touchedrows_p.h"

#include "exec/connection_p.h"
#include "exec/preparedstatement_p.h"
#include "exec/transactionscope_p.h"
#include "model/modeldata_p.h"
#include "query/hooks_p.h"
#include "query/querystate_p.h"
#include "sql/sqlcompiler_p.h"
#include "sql/sqldialect_p.h"

#include <optional>

namespace Hy::detail {

TouchedRows writeTouchedRows(Connection *connection, const QueryState &state, const SqlStatement &write,
                             const QVariant *newKey)
{
    const ModelData *model = state.model;
    const SqlDialect &dialect = connection->dialect();
    const QString key = dialect.quoteIdentifier(model->columns[model->primaryKey].databaseName);
    TouchedRows touched;

    if (dialect.writesReturnRows()) {
        SqlStatement statement = write;
        statement.sql += QStringLiteral(" RETURNING ") + key;
        std::optional<TransactionScope> savepoint;
        if (connection->needsStatementSavepoint())
            savepoint.emplace(connection);
        PreparedStatement query = connection->exec(statement);
        while (query.next())
            touched.keys.append(keyFromDatabase(model, query.value(0)));
        query.finish();
        if (savepoint)
            savepoint->commit();
        touched.count = touched.keys.size();
        return touched;
    }

    QueryState keysOnly = state;
    keysOnly.selected = {model->primaryKey};
    SqlStatement select = SqlCompiler(dialect).select(keysOnly).statement;
    select.sql += dialect.lockRowsClause();
    TransactionScope transaction(connection);
    {
        PreparedStatement query = connection->exec(select);
        while (query.next())
            touched.keys.append(keyFromDatabase(model, query.value(0)));
    }
    touched.count = connection->exec(write).rowsAffected();
    transaction.commit();
    // A key written by the UPDATE: the rows (one, as keys are unique) have it now.
    if (newKey && !touched.keys.isEmpty())
        touched.keys = {keyFromDatabase(model, *newKey)};
    return touched;
}

} // namespace Hy::detail
