// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "testdatabases.h"

#include <HysteriaQt/Model>
#include <HysteriaQt/SqlDataSource>

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

using Hy::ErrorCode;
using HyTest::rawCount;
using HyTest::statementsOf;

class Doc : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Doc, "docs")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(title, setTitle, Hy::col::string())
    HY_COLUMN(items, setItems, Hy::col::json<QJsonArray>())
    HY_COLUMN(props, setProps, Hy::col::json<QJsonObject>())
    HY_COLUMN(payload, setPayload, Hy::col::json())

public:
    using Hy::Model::Model;
};

namespace {

QJsonArray nestedArray(int depth)
{
    // Not QJsonArray{array}: a braced list of one QJsonArray may copy it.
    QJsonArray array{1};
    for (int i = 1; i < depth; ++i) {
        QJsonArray outer;
        outer.append(array);
        array = outer;
    }
    return array;
}

QJsonObject nestedObject(int depth)
{
    QJsonObject object{{"a", 1}};
    for (int i = 1; i < depth; ++i)
        object = QJsonObject{{"a", object}};
    return object;
}

QString nestedText(int depth)
{
    return QString(depth, u'[') + u'1' + QString(depth, u']');
}

QString withUnit(const char *before, char16_t unit, const char *after)
{
    return QString::fromLatin1(before) + QChar(unit) + QString::fromLatin1(after);
}

// The UTF-8 bytes, in upper-case hex, of the JSON string at $.k of the
// payload column, as the database itself reads it.
QString storedStringHex(const QString &db)
{
    if (db == u"postgres")
        return QStringLiteral("UPPER(ENCODE(CONVERT_TO(payload->>'k', 'UTF8'), 'hex'))");
    if (db == u"sqlite")
        return QStringLiteral("HEX(JSON_EXTRACT(payload, '$.k'))");
    return QStringLiteral("HEX(JSON_UNQUOTE(JSON_EXTRACT(payload, '$.k')))");
}

} // namespace

// `statement` throws INVALID_VALUE for `columnName`, and no statement was sent.
#define EXPECT_INVALID(statement, columnName)                                              \
    do {                                                                                   \
        const QStringList hySent = statementsOf(sql, [&] {                                 \
            HY_EXPECT_REFUSED(statement, ErrorCode::InvalidValue, columnName);             \
        });                                                                                \
        if (QTest::currentTestFailed())                                                    \
            return;                                                                        \
        QVERIFY2(hySent.isEmpty(), qPrintable(hySent.join(u'\n')));                        \
    } while (false)

// What JSON columns take: only values every database stores and HysteriaQt
// reads back as the column's type, all else refused before any SQL.
class tst_JsonColumns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { HyTest::Databases::addRows(); }
    void init();

    void valuesOfTheWrongShapeAreRefused();
    void nestingIsLimited();
    void loneSurrogatesAreRefused();
    void pairedSurrogatesRoundTrip();
    void byteOrderMarksRoundTrip();
    void unreadableRowsReadBackNameTheStatement();

private:
    HyTest::Databases m_databases{QStringLiteral("tst_jsoncolumns")};
};

void tst_JsonColumns::init()
{
    HY_TEST_SOURCE(m_databases);
    sql.schema().dropTables<Doc>(Hy::SchemaBuilder::IfMissing::Skip);
    sql.schema().createTables<Doc>();
}

void tst_JsonColumns::valuesOfTheWrongShapeAreRefused()
{
    HY_TEST_SOURCE(m_databases);
    auto docs = [&] { return sql.from<Doc>(); };
    const auto kept = docs().insert({{"title", "kept"}, {"items", QJsonArray{1, 2}}, {"props", QJsonObject{{"a", 1}}}});

    // Neither an array for items nor an object for props, in every form a JSON value takes.
    const QList<Hy::Value> notArrays{5, "5", "{\"a\": 1}", "\"text\"", "null", QJsonValue(true),
                                     QJsonObject{{"a", 1}}, QJsonValue(QJsonObject{{"a", 1}}),
                                     QVariant(QVariantMap{{"a", 1}}),
                                     QVariant(QJsonDocument(QJsonObject{{"a", 1}}))};
    for (const Hy::Value &value : notArrays) {
        EXPECT_INVALID(docs().insert({{"items", value}}), "items");
        EXPECT_INVALID(docs().insertMany({{{"title", "fine"}}, {{"items", value}}}), "items");
        EXPECT_INVALID(docs().bulkInsert({{{"title", "fine"}}, {{"items", value}}}), "items");
        EXPECT_INVALID(docs().where("id", kept->id()).update({{"items", value}}), "items");
    }
    const QList<Hy::Value> notObjects{5, "[1]", "\"text\"", QJsonValue(2.5), QJsonArray{1},
                                      QVariant(QVariantList{1, 2}),
                                      QVariant(QJsonDocument(QJsonArray{1}))};
    for (const Hy::Value &value : notObjects) {
        EXPECT_INVALID(docs().insert({{"props", value}}), "props");
        EXPECT_INVALID(docs().insertMany({{{"title", "fine"}}, {{"props", value}}}), "props");
        EXPECT_INVALID(docs().bulkInsert({{{"title", "fine"}}, {{"props", value}}}), "props");
        EXPECT_INVALID(docs().where("id", kept->id()).update({{"props", value}}), "props");
    }
    // Hy::fromJson() refuses them alike.
    HY_EXPECT_REFUSED(Hy::fromJson<Doc>(QJsonObject{{"items", 5}}), ErrorCode::InvalidValue, "items");
    HY_EXPECT_REFUSED(Hy::fromJson<Doc>(QJsonObject{{"props", QJsonArray{1}}}), ErrorCode::InvalidValue, "props");

    QCOMPARE(rawCount(sql, QStringLiteral("docs")), 1);
    const auto all = docs().many(); // every row still reads
    QCOMPARE(all.size(), std::size_t(1));
    QCOMPARE(all.front()->items(), std::optional<QJsonArray>(QJsonArray{1, 2}));
    QCOMPARE(all.front()->props(), std::optional<QJsonObject>(QJsonObject{{"a", 1}}));

    // Their own shapes, as values or JSON text, and any value in a QJsonValue column.
    auto text = docs().insert({{"items", "[3]"}, {"props", "{\"b\": [true]}"}, {"payload", 5}});
    QCOMPARE(text->items(), std::optional<QJsonArray>(QJsonArray{3}));
    const auto read = docs().find(text->id());
    QCOMPARE(read->items(), std::optional<QJsonArray>(QJsonArray{3}));
    QCOMPARE(read->props(), std::optional<QJsonObject>(QJsonObject{{"b", QJsonArray{true}}}));
    QCOMPARE(read->payload(), std::optional<QJsonValue>(QJsonValue(5)));
    QCOMPARE(docs().where("id", kept->id()).update({{"items", QVariant(QVariantList{"x"})}, {"payload", "\"s\""}}), 1);
    QCOMPARE(docs().find(kept->id())->items(), std::optional<QJsonArray>(QJsonArray{"x"}));
    QCOMPARE(docs().find(kept->id())->payload(), std::optional<QJsonValue>(QJsonValue("s")));
    QCOMPARE(docs().count(), 2);
}

void tst_JsonColumns::nestingIsLimited()
{
    HY_TEST_SOURCE(m_databases);
    auto docs = [&] { return sql.from<Doc>(); };
    // 31 levels are stored and read back everywhere; MariaDB's JSON_VALID()
    // refuses 32, which all databases refuse alike, before any SQL.
    const auto deepest = docs().insert({{"items", nestedArray(31)},
                                        {"props", nestedObject(31)},
                                        {"payload", nestedText(31)}});
    const auto read = docs().find(deepest->id());
    QCOMPARE(read->items(), std::optional<QJsonArray>(nestedArray(31)));
    QCOMPARE(read->props(), std::optional<QJsonObject>(nestedObject(31)));
    QCOMPARE(read->payload(), std::optional<QJsonValue>(QJsonValue(nestedArray(31))));
    const QJsonArray mixed{1, QJsonObject{{"a", nestedArray(29)}}}; // 31 levels
    QCOMPARE(docs().insert({{"payload", mixed}})->payload(), std::optional<QJsonValue>(QJsonValue(mixed)));

    for (int depth : {32, 33, 1023, 1024, 1100}) {
        EXPECT_INVALID(docs().insert({{"items", nestedArray(depth)}}), "items");
        EXPECT_INVALID(docs().insert({{"props", nestedObject(depth)}}), "props");
        EXPECT_INVALID(docs().insert({{"payload", nestedText(depth)}}), "payload");
        EXPECT_INVALID(docs().insertMany({{{"title", "fine"}}, {{"payload", nestedArray(depth)}}}), "payload");
        EXPECT_INVALID(docs().bulkInsert({{{"title", "fine"}}, {{"payload", nestedArray(depth)}}}), "payload");
        EXPECT_INVALID(docs().where("id", deepest->id()).update({{"payload", nestedArray(depth)}}), "payload");
    }
    EXPECT_INVALID(docs().insert({{"payload", QJsonArray{1, QJsonObject{{"a", nestedArray(30)}}}}}), "payload");
    QCOMPARE(rawCount(sql, QStringLiteral("docs")), 2);
    QCOMPARE(docs().count(), 2);
    QCOMPARE(docs().find(deepest->id())->payload(), std::optional<QJsonValue>(QJsonValue(nestedArray(31))));
}

void tst_JsonColumns::loneSurrogatesAreRefused()
{
    HY_TEST_SOURCE(m_databases);
    auto docs = [&] { return sql.from<Doc>(); };
    const auto kept = docs().insert({{"title", "kept"}});
    const QStringList lone{withUnit("a", 0xD800, "b"), withUnit("", 0xDC00, ""), withUnit("end", 0xDBFF, ""),
                           QString(QChar(0xDC00)) + QChar(0xD800), withUnit("", 0xDFFF, "xyz")};
    for (const QString &text : lone) {
        EXPECT_INVALID(docs().insert({{"title", text}}), "title");
        EXPECT_INVALID(docs().insertMany({{{"title", "fine"}}, {{"title", text}}}), "title");
        EXPECT_INVALID(docs().where("id", kept->id()).update({{"title", text}}), "title");
        EXPECT_INVALID(docs().where("title", text).count(), "title");
        EXPECT_INVALID(docs().where("title", "like", text).count(), "title");
        EXPECT_INVALID(docs().whereIn("title", {QStringLiteral("x"), text}).count(), "title");
        EXPECT_INVALID(sql.from(QStringLiteral("docs")).insert({{"title", text}}), "title");
        EXPECT_INVALID(sql.from(QStringLiteral("docs")).where(QStringLiteral("title"), text).count(), "title");
        EXPECT_INVALID(sql.from(QStringLiteral("docs")).update({{"title", text}}), "title");
        // In JSON: a string, a key, JSON text holding it, or its escape.
        EXPECT_INVALID(docs().insert({{"payload", QJsonValue(text)}}), "payload");
        EXPECT_INVALID(docs().insert({{"props", QJsonObject{{text, 1}}}}), "props");
        EXPECT_INVALID(docs().insert({{"items", QJsonArray{1, QJsonArray{text}}}}), "items");
        EXPECT_INVALID(docs().insert({{"payload", QStringLiteral("[\"") + text + QStringLiteral("\"]")}}), "payload");
        EXPECT_INVALID(docs().where("id", kept->id()).update({{"props", QVariant(QVariantMap{{"k", text}})}}), "props");
    }
    for (const char *escaped : {"\"a\\ud800b\"", "[\"\\udc00\"]", "{\"\\uDBFF\": 1}", "\"\\udc00\\ud800\""})
        EXPECT_INVALID(docs().insert({{"payload", escaped}}), "payload");
    // Wherever it is in the text (the first check reads four units at a time).
    for (qsizetype at = 0; at < 9; ++at) {
        QString text = QStringLiteral("abcdefghi");
        text[at] = QChar(0xD800);
        EXPECT_INVALID(docs().insert({{"title", text}}), "title");
        text[at] = QChar(0xDC00);
        EXPECT_INVALID(docs().insert({{"title", text}}), "title");
    }
    QCOMPARE(rawCount(sql, QStringLiteral("docs")), 1);
    QCOMPARE(docs().find(kept->id())->title(), std::optional<QString>(QStringLiteral("kept")));
}

void tst_JsonColumns::pairedSurrogatesRoundTrip()
{
    HY_TEST_SOURCE(m_databases);
    auto docs = [&] { return sql.from<Doc>(); };
    // A pair on either side of every four-unit boundary.
    QStringList texts;
    for (qsizetype at = 0; at < 8; ++at)
        texts.append(QStringLiteral("abcdefgh").insert(at, QStringLiteral("😀")));
    texts.append(QStringLiteral("😀😀 𝄞 \U0010FFFD"));
    for (const QString &text : texts) {
        const QJsonObject props{{text, text}};
        const auto doc = docs().insert({{"title", text}, {"props", props}, {"payload", QJsonValue(text)}});
        QCOMPARE(doc->title(), std::optional<QString>(text));
        const auto read = docs().where("title", text).oneOrFail();
        QCOMPARE(read->id(), doc->id());
        QCOMPARE(read->title(), std::optional<QString>(text));
        QCOMPARE(read->props(), std::optional<QJsonObject>(props));
        QCOMPARE(read->payload(), std::optional<QJsonValue>(QJsonValue(text)));
        QCOMPARE(docs().where("title", "like", text).count(), 1);
        QCOMPARE(sql.from(QStringLiteral("docs")).where(QStringLiteral("title"), text).count(), 1);
    }
    // Escaped in JSON text, a pair is the character.
    const auto escaped = docs().insert({{"payload", "\"\\ud83d\\ude00\""}});
    QCOMPARE(docs().find(escaped->id())->payload(), std::optional<QJsonValue>(QJsonValue(QStringLiteral("😀"))));
    QCOMPARE(rawCount(sql, QStringLiteral("docs")), texts.size() + 1);
}

void tst_JsonColumns::byteOrderMarksRoundTrip()
{
    HY_TEST_SOURCE(m_databases);
    auto docs = [&] { return sql.from<Doc>(); };
    const QString mark(QChar(0xFEFF));
    const QList<QJsonValue> values{
            QJsonObject{{"k", mark + u'b'}},
            QJsonObject{{mark + u'k', "x"}, {"k", "a" + mark + "b" + mark}},
            QJsonObject{{mark, mark}, {"k", mark}},
            QJsonArray{mark, mark + mark, QJsonObject{{mark + u'k', mark + u'v'}}},
            QJsonValue(mark + QStringLiteral("scalar")),
            QJsonValue(mark),
    };
    QList<int> ids;
    for (const QJsonValue &value : values) {
        const auto doc = docs().insert({{"payload", value}, {"props", value.isObject() ? Hy::Value(value) : Hy::Value(nullptr)}});
        QCOMPARE(doc->payload(), std::optional<QJsonValue>(value));
        ids.append(doc->id());
    }
    // JSON text given with the mark itself, not escaped.
    const QString text = QStringLiteral("{\"k\": \"") + mark + QStringLiteral("b\", \"") + mark
            + QStringLiteral("\": [\"") + mark + QStringLiteral("\"]}");
    const QJsonObject fromText{{"k", mark + u'b'}, {mark, QJsonArray{mark}}};
    ids.append(docs().insert({{"payload", text}, {"props", text}})->id());

    for (qsizetype i = 0; i < values.size(); ++i) {
        const auto read = docs().find(ids[i]);
        QCOMPARE(read->payload(), std::optional<QJsonValue>(values[i]));
        if (values[i].isObject())
            QCOMPARE(read->props(), std::optional<QJsonObject>(values[i].toObject()));
    }
    const auto read = docs().find(ids.last());
    QCOMPARE(read->payload(), std::optional<QJsonValue>(QJsonValue(fromText)));
    QCOMPARE(read->props(), std::optional<QJsonObject>(fromText));
    QCOMPARE(docs().orderBy("id").many().front()->payload(), std::optional<QJsonValue>(values[0]));

    // The database holds the mark as a character of the string, as its own
    // JSON functions read it: EF BB BF, then "b".
    const QString hex = storedStringHex(db);
    QCOMPARE(rawCount(sql, QStringLiteral("docs"), hex + QStringLiteral(" = 'EFBBBF62'")), 2); // rows 0 and the text
    QCOMPARE(rawCount(sql, QStringLiteral("docs"), hex + QStringLiteral(" = '61EFBBBF62EFBBBF'")), 1);
    QCOMPARE(rawCount(sql, QStringLiteral("docs"), hex + QStringLiteral(" = 'EFBBBF'")), 1);
}

void tst_JsonColumns::unreadableRowsReadBackNameTheStatement()
{
    HY_TEST_SOURCE(m_databases);
    // A table made by another tool, whose default for items is not an array:
    // a row that leaves it out is written, then read back, and does not read.
    QSqlQuery raw(sql.database());
    QVERIFY(raw.exec(QStringLiteral("DROP TABLE docs")));
    const QString create = db == u"postgres"
            ? QStringLiteral("CREATE TABLE docs (id SERIAL PRIMARY KEY, title VARCHAR(255), "
                             "items JSONB DEFAULT '5', props JSONB, payload JSONB)")
            : db == u"sqlite"
            ? QStringLiteral("CREATE TABLE docs (id INTEGER PRIMARY KEY AUTOINCREMENT, title VARCHAR(255), "
                             "items TEXT DEFAULT '5', props TEXT, payload TEXT)")
            : QStringLiteral("CREATE TABLE docs (id INT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(255), "
                             "items LONGTEXT DEFAULT '5', props LONGTEXT, payload LONGTEXT)");
    QVERIFY2(raw.exec(create), qPrintable(raw.lastError().text()));

    auto expectUnreadable = [&](const std::function<void()> &work) {
        try {
            work();
            QFAIL("expected UNREADABLE_VALUE");
        } catch (const Hy::Error &error) {
            QCOMPARE(error.codeName(), Hy::Error::codeName(ErrorCode::UnreadableValue));
            QCOMPARE(error.column(), QStringLiteral("items"));
            // The statement ran: it is named, not reported as no SQL.
            QVERIFY2(error.sql().contains(QStringLiteral("docs")), qPrintable(error.sql()));
        }
    };
    // Several rows are inserted in a transaction: undone on every database.
    expectUnreadable([&] { sql.from<Doc>().insertMany({{{"title", "a"}}, {{"title", "b"}}}); });
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(rawCount(sql, QStringLiteral("docs")), 0);
    // One row: on PostgreSQL, outside a transaction, its RETURNING read it
    // in the statement that wrote it, and it stays written; elsewhere the
    // INSERT and its read run in a transaction, undone.
    expectUnreadable([&] { sql.from<Doc>().insert({{"title", "x"}}); });
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(rawCount(sql, QStringLiteral("docs")), db == u"postgres" ? 1 : 0);
    // Every column given: the values written are what is returned.
    QCOMPARE(sql.from<Doc>().insert({{"title", "y"}, {"items", QJsonArray{}}, {"props", QJsonObject{}},
                                     {"payload", 1}})->items(),
             std::optional<QJsonArray>(QJsonArray{}));
}

QTEST_GUILESS_MAIN(tst_JsonColumns)
#include "tst_jsoncolumns.moc"
