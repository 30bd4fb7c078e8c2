// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#include "testdatabases.h"
#include "testmodels.h"

#include <HysteriaQt/SqlDataSource>

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

using Hy::ErrorCode;
using HyTest::rawCount;
using Level = Profile::Level;

namespace {
QVariant rawValue(Hy::SqlDataSource &sql, const QString &column, qint64 id)
{
    QSqlQuery query(sql.database());
    const QString statement = QStringLiteral("SELECT %1 FROM profiles WHERE id = %2").arg(column).arg(id);
    if (!query.exec(statement) || !query.next())
        qFatal("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
    return query.value(0);
}

QByteArray everyByte()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(char(i));
    return bytes + bytes; // NUL in the middle too
}

} // namespace

// The column kinds and options of Hy::col beyond numbers and text: dates,
// times, bytes, JSON, enums, application types through serialize and
// prepare, and DEFAULTs, on every database.
class tst_Columns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { HyTest::Databases::addRows(); }
    void init();
    void valuesRoundTrip();
    void serializeAndPrepare();
    void defaultsApplyWhenLeftOut();
    void badValuesAreRefused();
    void comparisons();
    void valuesWrittenByOtherTools();
    void tableRefusesWhatTheModelDoes();
    void serialization();
    void encryptedValues();
    void modelsFromMapsAndJson();
    void encryptedValuesAreChecked();
    void equalitiesArePrepared();
    void orderingsComparePreparedValuesAsStored();

private:
    HyTest::Databases m_databases{QStringLiteral("tst_columns")};
};

void tst_Columns::init()
{
    HY_TEST_SOURCE(m_databases);
    sql.schema().dropTables<Profile, Secret>(Hy::SchemaBuilder::IfMissing::Skip);
    sql.schema().createTables<Profile, Secret>();
}

void tst_Columns::valuesRoundTrip()
{
    HY_TEST_SOURCE(m_databases);
    const QJsonObject settings{{"theme", "dark"}, {"sizes", QJsonArray{1, 2.5, QJsonValue()}}, {"ok", true}};
    Profile profile;
    profile.setBirthday(QDate(1999, 12, 31));
    profile.setWakeUp(QTime(23, 59, 58, 125));
    // Past 2038, where MySQL's TIMESTAMP would end.
    profile.setSeenAt(QDateTime(QDate(2040, 2, 29), QTime(3, 14, 8, 500), Qt::UTC));
    profile.setAvatar(everyByte());
    profile.setSettings(QJsonValue(settings));
    profile.setTags(QJsonArray{"a", "b"});
    profile.setStatus(QStringLiteral("published"));
    profile.setLevel(Level::Expert);
    profile.setScore(7);
    profile.setSince(QStringLiteral("2024-02-29"));
    const auto stored = sql.from<Profile>().insert(profile);
    const auto read = sql.from<Profile>().find(stored->id());
    QVERIFY(read);
    for (const Profile *p : {stored.get(), read.get()}) {
        QCOMPARE(p->birthday(), std::optional<QDate>(QDate(1999, 12, 31)));
        QCOMPARE(p->wakeUp(), std::optional<QTime>(QTime(23, 59, 58, 125)));
        QCOMPARE(p->seenAt(), std::optional<QDateTime>(QDateTime(QDate(2040, 2, 29), QTime(3, 14, 8, 500), Qt::UTC)));
        QCOMPARE(p->avatar(), std::optional<QByteArray>(everyByte()));
        QCOMPARE(p->settings(), std::optional<QJsonValue>(QJsonValue(settings)));
        QCOMPARE(p->tags(), std::optional<QJsonArray>(QJsonArray{"a", "b"}));
        QCOMPARE(p->status(), QStringLiteral("published"));
        QCOMPARE(p->level(), std::optional<Level>(Level::Expert));
        QCOMPARE(p->score(), 7);
        QCOMPARE(p->since(), std::optional<QString>(QStringLiteral("2024-02-29")));
    }
    // Stored as the databases' own types and texts.
    QCOMPARE(rawValue(sql, QStringLiteral("status"), read->id()).toString(), QStringLiteral("published"));
    QCOMPARE(rawValue(sql, QStringLiteral("level"), read->id()).toString(), QStringLiteral("Expert"));
    QCOMPARE(rawValue(sql, QStringLiteral("avatar"), read->id()).toByteArray(), everyByte());
    QCOMPARE(QJsonDocument::fromJson(rawValue(sql, QStringLiteral("tags"), read->id()).toByteArray()).array(),
             QJsonArray({"a", "b"}));

    // JSON scalars and null are JSON too; an empty column is SQL NULL.
    auto scalar = sql.from<Profile>().insert({{"settings", QJsonValue(42)}, {"tags", QJsonArray{}}});
    QCOMPARE(sql.from<Profile>().find(scalar->id())->settings(), std::optional<QJsonValue>(QJsonValue(42)));
    QCOMPARE(sql.from<Profile>().find(scalar->id())->tags(), std::optional<QJsonArray>(QJsonArray{}));
    auto jsonNull = sql.from<Profile>().insert({{"settings", QJsonValue(QJsonValue::Null)}});
    QCOMPARE(sql.from<Profile>().find(jsonNull->id())->settings(),
             std::optional<QJsonValue>(QJsonValue(QJsonValue::Null)));
    QCOMPARE(sql.from<Profile>().find(jsonNull->id())->avatar(), std::optional<QByteArray>());
    QCOMPARE(sql.from<Profile>().whereNull("settings").count(), 0);
    QCOMPARE(sql.from<Profile>().whereNull("avatar").count(), 2);
    // Empty bytes are not NULL.
    auto empty = sql.from<Profile>().insert({{"avatar", QByteArray()}});
    QCOMPARE(sql.from<Profile>().find(empty->id())->avatar(), std::optional<QByteArray>(QByteArray()));
    QCOMPARE(sql.from<Profile>().whereNull("avatar").count(), 2);

    // Named by getter, a value is made the column's type: text is a JSON string.
    auto text = sql.from<Profile>().insert({{&Profile::settings, "[1,2]"}, {&Profile::level, Profile::Level::Expert}});
    QCOMPARE(sql.from<Profile>().find(text->id())->settings(), std::optional<QJsonValue>(QJsonValue(QStringLiteral("[1,2]"))));
    QCOMPARE(sql.from<Profile>().find(text->id())->level(), Profile::Level::Expert);
}

void tst_Columns::serializeAndPrepare()
{
    HY_TEST_SOURCE(m_databases);
    // prepare lower-cases what is written; serialize trims what is read.
    auto profile = sql.from<Profile>().insert(
            {{"nickname", QStringLiteral("  Ann  ")}, {"location", QVariant::fromValue(Point{3, -4})}});
    QCOMPARE(rawValue(sql, QStringLiteral("nickname"), profile->id()).toString(), QStringLiteral("  ann  "));
    QCOMPARE(rawValue(sql, QStringLiteral("location"), profile->id()).toString(), QStringLiteral("3,-4"));
    QCOMPARE(profile->nickname(), std::optional<QString>(QStringLiteral("ann")));
    QCOMPARE(profile->location(), std::optional<Point>(Point{3, -4}));

    // From a model's own property too, and on update.
    Profile draft;
    draft.setLocation(Point{-1, 2});
    draft.setNickname(QStringLiteral("BOB"));
    auto second = sql.from<Profile>().insert(draft);
    QCOMPARE(rawValue(sql, QStringLiteral("location"), second->id()).toString(), QStringLiteral("-1,2"));
    QCOMPARE(rawValue(sql, QStringLiteral("nickname"), second->id()).toString(), QStringLiteral("bob"));
    QCOMPARE(sql.from<Profile>()
                     .where("id", second->id())
                     .update({{"location", QVariant::fromValue(Point{5, 6})}, {"nickname", "CAROL"}}),
             1);
    QCOMPARE(rawValue(sql, QStringLiteral("location"), second->id()).toString(), QStringLiteral("5,6"));
    QCOMPARE(rawValue(sql, QStringLiteral("nickname"), second->id()).toString(), QStringLiteral("carol"));

    // An equality prepares the value as a write does: the value inserted
    // finds its row; a value of an application type is prepared too.
    QCOMPARE(sql.from<Profile>().where("nickname", "  Ann  ").oneOrFail()->id(), profile->id());
    QCOMPARE(sql.from<Profile>().where("nickname", "  ann  ").oneOrFail()->id(), profile->id());
    QCOMPARE(sql.from<Profile>().where("nickname", "ann").count(), 0);
    QCOMPARE(sql.from<Profile>().where("location", QVariant::fromValue(Point{5, 6})).oneOrFail()->id(),
             second->id());
    // The stored form may be given as it is.
    QCOMPARE(sql.from<Profile>().where("location", "3,-4").oneOrFail()->id(), profile->id());
}

void tst_Columns::defaultsApplyWhenLeftOut()
{
    HY_TEST_SOURCE(m_databases);
    // status is not nullable but has a default: leaving it out is no error.
    auto profile = sql.from<Profile>().insert({{"nickname", "x"}});
    QCOMPARE(profile->status(), QStringLiteral("draft"));
    QCOMPARE(profile->level(), std::optional<Level>(Level::Beginner));
    QCOMPARE(profile->score(), 10);
    QCOMPARE(profile->ratio(), std::optional<double>(0.5));
    QCOMPARE(profile->active(), std::optional<bool>(true));
    QCOMPARE(profile->since(), std::optional<QString>(QStringLiteral("2020-02-29")));
    QCOMPARE(profile->motto(), std::optional<QString>(QStringLiteral("carpe 'diem'")));
    QCOMPARE(profile->ticket(), std::optional<QUuid>(QUuid::fromString(u"00000000-0000-4000-8000-000000000001")));
    QCOMPARE(rawValue(sql, QStringLiteral("level"), profile->id()).toString(), QStringLiteral("Beginner"));

    // A model made in C++ writes only the columns it set.
    Profile draft;
    draft.setScore(3);
    auto stored = sql.from<Profile>().insert(draft);
    QCOMPARE(stored->score(), 3);
    QCOMPARE(stored->status(), QStringLiteral("draft"));
    QCOMPARE(rawCount(sql, QStringLiteral("profiles")), 2);
}

void tst_Columns::badValuesAreRefused()
{
    HY_TEST_SOURCE(m_databases);
    auto profiles = [&] { return sql.from<Profile>(); };
    HY_EXPECT_REFUSED(profiles().insert({{"status", "deleted"}}), ErrorCode::InvalidValue, "status");
    HY_EXPECT_REFUSED(profiles().insert({{"status", nullptr}}), ErrorCode::NullValue, "status");
    HY_EXPECT_REFUSED(profiles().insert({{"status", 1}}), ErrorCode::InvalidValue, "status");
    HY_EXPECT_REFUSED(profiles().insert({{"level", "Master"}}), ErrorCode::InvalidValue, "level");
    HY_EXPECT_REFUSED(profiles().insert({{"level", 9}}), ErrorCode::InvalidValue, "level");
    HY_EXPECT_REFUSED(profiles().insert({{"birthday", "2023-02-29"}}), ErrorCode::InvalidValue, "birthday");
    HY_EXPECT_REFUSED(profiles().insert({{"birthday", QDate()}}), ErrorCode::InvalidValue, "birthday");
    HY_EXPECT_REFUSED(profiles().insert({{"birthday", 20240101}}), ErrorCode::InvalidValue, "birthday");
    HY_EXPECT_REFUSED(profiles().insert({{"wakeUp", "24:00"}}), ErrorCode::InvalidValue, "wakeUp");
    HY_EXPECT_REFUSED(profiles().insert({{"wakeUp", "7 am"}}), ErrorCode::InvalidValue, "wakeUp");
    HY_EXPECT_REFUSED(profiles().insert({{"seenAt", "yesterday"}}), ErrorCode::InvalidValue, "seenAt");
    HY_EXPECT_REFUSED(profiles().insert({{"avatar", 7}}), ErrorCode::InvalidValue, "avatar");
    HY_EXPECT_REFUSED(profiles().insert({{"settings", "{\"a\": "}}), ErrorCode::InvalidValue, "settings");
    HY_EXPECT_REFUSED(profiles().insert({{"settings", QVariant::fromValue(QDate(2024, 1, 1))}}),
                      ErrorCode::InvalidValue, "settings");
    HY_EXPECT_REFUSED(profiles().insert({{"score", nullptr}}), ErrorCode::NullValue, "score");
    // An escaped NUL in JSON text is refused as NUL in text is (jsonb cannot hold it).
    HY_EXPECT_REFUSED(profiles().insert({{"settings", QJsonValue(QStringLiteral("a\u0000b"))}}),
                      ErrorCode::InvalidValue, "settings");
    HY_EXPECT_REFUSED(profiles().insert({{"settings", "{\"a\": \"\\u0000\"}"}}), ErrorCode::InvalidValue,
                      "settings");
    HY_EXPECT_REFUSED(profiles().insert({{"since", "soon"}}), ErrorCode::InvalidValue, "since");
    // A bad row anywhere in a batch: nothing is written.
    HY_EXPECT_REFUSED(profiles().insertMany({{{"status", "draft"}}, {{"status", "gone"}}}), ErrorCode::InvalidValue,
                      "status");
    // JSON compares only with null; enums only with their values.
    HY_EXPECT_REFUSED(profiles().where("settings", "{}").count(), ErrorCode::InvalidQuery, "settings");
    HY_EXPECT_REFUSED(profiles().where("status", "publshed").count(), ErrorCode::InvalidValue, "status");
    QCOMPARE(rawCount(sql, QStringLiteral("profiles")), 0);
}

void tst_Columns::comparisons()
{
    HY_TEST_SOURCE(m_databases);
    const QList<Hy::Values<Profile>> rows{
            {{"birthday", QDate(1990, 5, 1)}, {"wakeUp", QTime(6, 30)}, {"status", "draft"},
             {"level", QVariant::fromValue(Level::Beginner)}, {"avatar", QByteArray("\0a", 2)}},
            {{"birthday", QDate(2001, 1, 9)}, {"wakeUp", QTime(9, 0, 0, 1)}, {"status", "published"},
             {"level", QVariant::fromValue(Level::Expert)}, {"avatar", QByteArray("\0b", 2)}},
            {{"birthday", QDate(1985, 12, 24)}, {"wakeUp", QTime(12, 0)}, {"status", "published"},
             {"level", "Expert"}, {"avatar", QByteArray("\0a", 2)}},
    };
    sql.from<Profile>().insertMany(rows);
    auto ids = [](const Hy::ModelList<Profile> &list) {
        QList<int> out;
        for (const auto &p : list)
            out.append(p->id());
        return out;
    };
    QCOMPARE(ids(sql.from<Profile>().orderBy("birthday").many()), QList<int>({3, 1, 2}));
    QCOMPARE(ids(sql.from<Profile>().where("birthday", ">", QDate(1989, 1, 1)).orderBy("id").many()),
             QList<int>({1, 2}));
    QCOMPARE(ids(sql.from<Profile>().where("birthday", "2001-01-09").many()), QList<int>({2}));
    QCOMPARE(ids(sql.from<Profile>().where("wakeUp", ">", QTime(9, 0)).orderBy("wakeUp").many()),
             QList<int>({2, 3}));
    QCOMPARE(ids(sql.from<Profile>().where("wakeUp", QTime(9, 0, 0, 1)).many()), QList<int>({2}));
    QCOMPARE(ids(sql.from<Profile>().where("status", "published").orderBy("id").many()), QList<int>({2, 3}));
    QCOMPARE(ids(sql.from<Profile>().where("level", QVariant::fromValue(Level::Expert)).orderBy("id").many()),
             QList<int>({2, 3}));
    QCOMPARE(ids(sql.from<Profile>().where("avatar", QByteArray("\0a", 2)).orderBy("id").many()),
             QList<int>({1, 3}));
}

void tst_Columns::valuesWrittenByOtherTools()
{
    HY_TEST_SOURCE(m_databases);
    QSqlQuery query(sql.database());
    QVERIFY2(query.exec(QStringLiteral("INSERT INTO profiles (birthday, wake_up, settings, status, score) "
                                       "VALUES ('2024-01-05', '07:30:00', '[1, {\"a\": \"b\"}]', 'archived', 1)")),
             qPrintable(query.lastError().text()));
    const auto read = sql.from<Profile>().oneOrFail();
    QCOMPARE(read->birthday(), std::optional<QDate>(QDate(2024, 1, 5)));
    QCOMPARE(read->wakeUp(), std::optional<QTime>(QTime(7, 30)));
    QCOMPARE(read->settings(), std::optional<QJsonValue>(QJsonArray{1, QJsonObject{{"a", "b"}}}));
    QCOMPARE(read->status(), QStringLiteral("archived"));
    QCOMPARE(read->level(), std::optional<Level>(Level::Beginner)); // the DEFAULT

    if (sql.databaseType() != Hy::SqlDataSource::DatabaseType::SQLite)
        return;
    // SQLite keeps whatever text another tool wrote: other forms are read,
    // what is no date or JSON is reported.
    QVERIFY(query.exec(QStringLiteral("UPDATE profiles SET birthday = '2024-01-06 00:00:00', "
                                      "wake_up = '07:31', since = '2024-01-07T10:00:00'")));
    const auto other = sql.from<Profile>().oneOrFail();
    QCOMPARE(other->birthday(), std::optional<QDate>(QDate(2024, 1, 6)));
    QCOMPARE(other->wakeUp(), std::optional<QTime>(QTime(7, 31)));
    QCOMPARE(other->since(), std::optional<QString>(QStringLiteral("2024-01-07")));
    QVERIFY(query.exec(QStringLiteral("UPDATE profiles SET settings = 'not json'")));
    HY_EXPECT_ERROR(sql.from<Profile>().many(), ErrorCode::UnreadableValue);
    QVERIFY(query.exec(QStringLiteral("UPDATE profiles SET settings = NULL, birthday = 'someday'")));
    HY_EXPECT_ERROR(sql.from<Profile>().many(), ErrorCode::UnreadableValue);
}

void tst_Columns::tableRefusesWhatTheModelDoes()
{
    HY_TEST_SOURCE(m_databases);
    // The CHECK made for an enum holds against writes that bypass the model.
    QSqlQuery query(sql.database());
    QVERIFY(!query.exec(QStringLiteral("INSERT INTO profiles (status) VALUES ('deleted')")));
    QVERIFY(!query.exec(QStringLiteral("INSERT INTO profiles (level) VALUES ('Master')")));
    QVERIFY2(query.exec(QStringLiteral("INSERT INTO profiles (level) VALUES ('Intermediate')")),
             qPrintable(query.lastError().text()));
    QCOMPARE(rawCount(sql, QStringLiteral("profiles")), 1);
    QCOMPARE(sql.from<Profile>().oneOrFail()->level(), std::optional<Level>(Level::Intermediate));
}

void tst_Columns::serialization()
{
    HY_TEST_SOURCE(m_databases);
    Profile draft;
    draft.setBirthday(QDate(1999, 12, 31));
    draft.setWakeUp(QTime(6, 5, 4, 3));
    draft.setAvatar(QByteArray("\0\xff", 2));
    draft.setLevel(Level::Intermediate);
    draft.setLocation(Point{1, 2});
    draft.setSettings(QJsonObject{{"a", 1}});
    const auto profile = sql.from<Profile>().insert(draft);
    const QJsonObject json = profile->toJson();
    QCOMPARE(json.value("birthday"), QJsonValue("1999-12-31"));
    QCOMPARE(json.value("wakeUp"), QJsonValue("06:05:04.003"));
    QCOMPARE(json.value("avatar"), QJsonValue("AP8="));
    QCOMPARE(json.value("level"), QJsonValue("Intermediate"));
    QCOMPARE(json.value("status"), QJsonValue("draft"));
    QCOMPARE(json.value("location"), QJsonValue("1,2"));
    QCOMPARE(json.value("settings"), QJsonValue(QJsonObject{{"a", 1}}));
    QCOMPARE(json.value("tags"), QJsonValue(QJsonValue::Null));
}

void tst_Columns::modelsFromMapsAndJson()
{
    HY_TEST_SOURCE(m_databases);
    Profile draft;
    draft.setBirthday(QDate(1999, 12, 31));
    draft.setWakeUp(QTime(6, 5, 4, 3));
    draft.setSeenAt(QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5, 6), Qt::UTC));
    draft.setAvatar(everyByte());
    draft.setSettings(QJsonObject{{"a", QJsonArray{1, "b"}}});
    draft.setLevel(Level::Expert);
    draft.setLocation(Point{7, 8});
    draft.setNickname(QStringLiteral("ann"));
    const auto stored = sql.from<Profile>().insert(draft);

    // What toJson() gives makes the same model again, to insert.
    QJsonObject json = stored->toJson();
    json.remove(QStringLiteral("id"));
    const auto copy = Hy::fromJson<Profile>(json);
    QCOMPARE(copy->changedColumns().size(), json.size());
    const auto inserted = sql.from<Profile>().insert(*copy);
    QJsonObject again = inserted->toJson();
    again.remove(QStringLiteral("id"));
    QCOMPARE(again, json);
    QCOMPARE(inserted->avatar(), std::optional<QByteArray>(everyByte()));
    QCOMPARE(inserted->level(), std::optional<Level>(Level::Expert));

    // And from toVariantMap().
    QVariantMap map = stored->toVariantMap();
    map.remove(QStringLiteral("id"));
    const auto fromMap = Hy::fromVariantMap<Profile>(map);
    QCOMPARE(fromMap->seenAt(), stored->seenAt());
    QCOMPARE(fromMap->location(), std::optional<Point>(Point{7, 8}));

    // Unknown keys are reported; bad values set nothing.
    HY_EXPECT_REFUSED(Hy::fromVariantMap<Profile>({{"nickname", "x"}, {"nope", 1}}), ErrorCode::UnknownColumn, "nope");
    QStringList unknown;
    const auto lenient = Hy::fromVariantMap<Profile>({{"nickname", "x"}, {"nope", 1}, {"also", 2}}, &unknown);
    QCOMPARE(unknown, QStringList({"also", "nope"}));
    QCOMPARE(lenient->changedColumns(), QStringList({"nickname"}));
    Profile target;
    HY_EXPECT_REFUSED(target.setValues(QVariantMap{{"score", 5}, {"birthday", "soon"}}), ErrorCode::InvalidValue,
                      "birthday");
    HY_EXPECT_REFUSED(target.setValues(QVariantMap{{"score", 5}, {"status", QVariant::fromValue(nullptr)}}),
                      ErrorCode::NullValue, "status");
    HY_EXPECT_REFUSED(target.setValues(QJsonObject{{"avatar", "***"}}), ErrorCode::InvalidValue, "avatar");
    HY_EXPECT_REFUSED(target.setValues(QJsonObject{{"level", "Master"}}), ErrorCode::InvalidValue, "level");
    QCOMPARE(target.score(), 0);
    QVERIFY(target.changedColumns().isEmpty());
}

void tst_Columns::encryptedValues()
{
    HY_TEST_SOURCE(m_databases);
    QVariantList bound;
    const int observer = sql.addQueryObserver([&](const Hy::QueryEvent &event) { bound += event.bindings(); });
    const QString text = QStringLiteral("tëxt \U0001F512 and more");
    auto first = sql.from<Secret>().insert({{"note", text}, {"letter", text}});
    auto second = sql.from<Secret>().insert({{"note", text}});
    sql.removeQueryObserver(observer);
    QCOMPARE(first->note(), std::optional<QString>(text));
    const auto read = sql.from<Secret>().find(first->id());
    QCOMPARE(read->note(), std::optional<QString>(text));
    QCOMPARE(read->letter(), std::optional<QString>(text));
    QCOMPARE(sql.from<Secret>().find(second->id())->letter(), std::optional<QString>());

    // Stored encrypted, each value differently; the text is not in the SQL's values.
    QSqlQuery query(sql.database());
    QVERIFY(query.exec(QStringLiteral("SELECT note, letter FROM secrets ORDER BY id")));
    QVERIFY(query.next());
    const QString storedNote = query.value(0).toString();
    QVERIFY2(storedNote.startsWith(u"hy1s:"), qPrintable(storedNote));
    QVERIFY(query.value(1).toString().startsWith(u"hy1a:"));
    QVERIFY(query.next());
    QVERIFY(query.value(0).toString() != storedNote);
    QVERIFY(!bound.isEmpty());
    for (const QVariant &value : std::as_const(bound))
        QVERIFY(!value.toString().contains(u"tëxt"));

    // Another key, or a value changed in the database: a coded error, never garbage.
    HY_EXPECT_ERROR(sql.from<SecretElsewhere>().find(first->id()), ErrorCode::DecryptionFailed);
    QVERIFY(query.exec(QStringLiteral("UPDATE secrets SET note = NULL")));
    // Without the private key, a letter is written but not read.
    auto sealed = sql.from<SecretElsewhere>().insert({{"letter", "for the holder of the key"}});
    HY_EXPECT_ERROR(sql.from<SecretElsewhere>().find(sealed->id()), ErrorCode::DecryptionFailed);
    QCOMPARE(sql.from<Secret>().find(sealed->id())->letter(), std::optional<QString>("for the holder of the key"));

    QString tampered = storedNote;
    tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == u'A' ? u'B' : u'A';
    query.prepare(QStringLiteral("UPDATE secrets SET note = ? WHERE id = ?"));
    query.addBindValue(tampered);
    query.addBindValue(first->id());
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    try {
        sql.from<Secret>().find(first->id());
        QFAIL("expected DECRYPTION_FAILED");
    } catch (const Hy::Error &error) {
        QCOMPARE(error.code(), ErrorCode::DecryptionFailed);
        QCOMPARE(error.column(), QStringLiteral("note"));
        QVERIFY(!error.message().contains(tampered));
    }
}

void tst_Columns::encryptedValuesAreChecked()
{
    HY_TEST_SOURCE(m_databases);
    HY_EXPECT_REFUSED(sql.from<Secret>().insert({{"note", 42}}), ErrorCode::InvalidValue, "note");
    HY_EXPECT_REFUSED(sql.from<Secret>().where("note", "x").count(), ErrorCode::InvalidQuery, "note");
    HY_EXPECT_REFUSED(sql.from<Secret>().insert({{"note", QStringLiteral("a\u0000b")}}), ErrorCode::InvalidValue,
                      "note");
    // A key function that gives no usable key: refused when first used, every time.
    HY_EXPECT_REFUSED(sql.from<SecretMisconfigured>().insert({{"note", "x"}}), ErrorCode::InvalidValue, "note");
    HY_EXPECT_REFUSED(sql.from<SecretMisconfigured>().insert({{"note", "x"}}), ErrorCode::InvalidValue, "note");
    QCOMPARE(rawCount(sql, QStringLiteral("secrets")), 0);
    // Null is null, and found as such.
    sql.from<Secret>().insert({{"note", nullptr}});
    QCOMPARE(sql.from<Secret>().whereNull("note").count(), 1);
}

// The seed's base64 token, and a prepare that clamps, which keeps no
// order: what compared values a column with prepare takes.
class Voucher : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Voucher, "vouchers")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(token, setToken,
              Hy::col::generic<QString>(
                      {.nullable = false,
                       .serialize = [](const QString &raw) { return QString::fromUtf8(QByteArray::fromBase64(raw.toLatin1())); },
                       .prepare = [](const QString &value) { return QString::fromLatin1(value.toUtf8().toBase64()); }}))
    HY_COLUMN(price, setPrice,
              Hy::col::integer({.nullable = false, .prepare = [](int value) { return std::max(value, 0); }}))

public:
    using Hy::Model::Model;
};

namespace {
// Three vouchers: 1 "secret" at 25, 2 "other" at -5 (stored as 0), 3 "third" at 40.
void seedVouchers(Hy::SqlDataSource &sql)
{
    sql.schema().dropTables<Voucher>(Hy::SchemaBuilder::IfMissing::Skip);
    sql.schema().createTables<Voucher>();
    sql.from<Voucher>().insertMany({{{"token", "secret"}, {"price", 25}},
                                    {{"token", "other"}, {"price", -5}},
                                    {{"token", "third"}, {"price", 40}}});
}

QList<int> voucherIds(const Hy::ModelList<Voucher> &list)
{
    QList<int> out;
    for (const auto &voucher : list)
        out.append(voucher->id());
    return out;
}
} // namespace

void tst_Columns::equalitiesArePrepared()
{
    HY_TEST_SOURCE(m_databases);
    seedVouchers(sql);
    QCOMPARE(rawCount(sql, QStringLiteral("vouchers"), QStringLiteral("id = 1 AND token = 'c2VjcmV0'")), 1);
    QCOMPARE(rawCount(sql, QStringLiteral("vouchers"), QStringLiteral("id = 2 AND price = 0")), 1);
    auto vouchers = [&] { return sql.from<Voucher>(); };

    // The value inserted finds its row, as a write prepares it.
    QCOMPARE(vouchers().where("token", "secret").oneOrFail()->id(), 1);
    QCOMPARE(vouchers().where("token", "secret").count(), 1);
    QCOMPARE(voucherIds(vouchers().where("token", "!=", "secret").orderBy("id").many()), QList<int>({2, 3}));
    QCOMPARE(voucherIds(vouchers().where("token", "<>", "secret").orderBy("id").many()), QList<int>({2, 3}));
    QCOMPARE(voucherIds(vouchers().whereIn("token", {"secret", "third"}).orderBy("id").many()), QList<int>({1, 3}));
    QCOMPARE(voucherIds(vouchers().whereNotIn("token", {"secret"}).orderBy("id").many()), QList<int>({2, 3}));
    QCOMPARE(voucherIds(vouchers().where("token", "other").orWhere("token", "third").orderBy("id").many()),
             QList<int>({2, 3}));
    QCOMPARE(voucherIds(vouchers().where("price", 30).orWhereIn("token", {"other"}).many()), QList<int>({2}));
    // The stored form is prepared too, as a write would prepare it: the
    // table without a model compares with it as it is.
    QCOMPARE(vouchers().where("token", "c2VjcmV0").count(), 0);
    QCOMPARE(sql.from("vouchers").where("token", "c2VjcmV0").count(), 1);
    // A value read back is the property's, and finds its row.
    const auto read = vouchers().find(1);
    QCOMPARE(read->token(), QStringLiteral("secret"));
    QCOMPARE(vouchers().where("token", read->token()).oneOrFail()->id(), 1);

    // The clamp: -5 was stored as 0, and -5 finds it, whatever number type
    // it is given as (converted to the property's int first, as written).
    QCOMPARE(voucherIds(vouchers().where("price", -5).many()), QList<int>({2}));
    QCOMPARE(voucherIds(vouchers().where("price", Q_INT64_C(-5)).many()), QList<int>({2}));
    QCOMPARE(voucherIds(vouchers().where("price", -5.0).many()), QList<int>({2}));
    QCOMPARE(voucherIds(vouchers().whereIn("price", {-1, 40}).orderBy("id").many()), QList<int>({2, 3}));
    QCOMPARE(vouchers().where("price", "!=", -7).count(), 2);

    // update() and remove() find their rows the same way.
    QCOMPARE(vouchers().where("token", "secret").update({{"price", 30}}), 1);
    QCOMPARE(rawCount(sql, QStringLiteral("vouchers"), QStringLiteral("id = 1 AND price = 30")), 1);
    QCOMPARE(vouchers().whereIn("token", {"third"}).update({{"token", "fourth"}}), 1);
    QCOMPARE(vouchers().where("token", "fourth").oneOrFail()->id(), 3);
    QCOMPARE(vouchers().where("price", -1).remove(), 1);
    QCOMPARE(rawCount(sql, QStringLiteral("vouchers")), 2);
    QCOMPARE(rawCount(sql, QStringLiteral("vouchers"), QStringLiteral("id = 2")), 0);
}

void tst_Columns::orderingsComparePreparedValuesAsStored()
{
    HY_TEST_SOURCE(m_databases);
    seedVouchers(sql);
    auto vouchers = [&] { return sql.from<Voucher>(); };

    // An ordering compares with the stored values as given: prepared, -5
    // would be 0 and lose the row stored at 0.
    QCOMPARE(voucherIds(vouchers().where("price", ">", -5).orderBy("id").many()), QList<int>({1, 2, 3}));
    QCOMPARE(voucherIds(vouchers().where("price", "<=", 0).many()), QList<int>({2}));
    QCOMPARE(vouchers().where("price", "<", 0).count(), 0);
    QCOMPARE(voucherIds(vouchers().where("price", ">=", 25).where("price", "<", 40).many()), QList<int>({1}));
    // Base64 keeps no order: "third" is stored as "dGhpcmQ=", the only one after "c2VjcmV0".
    QCOMPARE(voucherIds(vouchers().where("token", ">", "c2VjcmV0").many()), QList<int>({3}));
    QCOMPARE(voucherIds(vouchers().where("token", ">", "secret").many()), QList<int>());
    // A LIKE pattern is not a value: never prepared.
    QCOMPARE(voucherIds(vouchers().where("token", "like", "c2Vj%").many()), QList<int>({1}));
    QCOMPARE(vouchers().where("token", "like", "sec%").count(), 0);
    // An update's where takes the same rule.
    QCOMPARE(vouchers().where("price", "<", 1).update({{"price", 1}}), 1);
    QCOMPARE(rawCount(sql, QStringLiteral("vouchers"), QStringLiteral("id = 2 AND price = 1")), 1);

    // A value prepare does not take (text for an int) is checked as the
    // stored form, and refused before any SQL; nothing is written.
    QStringList statements = HyTest::statementsOf(sql, [&] {
        HY_EXPECT_REFUSED(vouchers().where("price", "cheap").update({{"price", 2}}), ErrorCode::InvalidValue,
                          "price");
        HY_EXPECT_REFUSED(vouchers().whereIn("price", {"cheap"}).count(), ErrorCode::InvalidValue, "price");
        HY_EXPECT_REFUSED(vouchers().where("price", ">", "cheap").remove(), ErrorCode::InvalidValue, "price");
        HY_EXPECT_REFUSED(vouchers().whereIn("token", {"secret", nullptr}).update({{"price", 2}}),
                          ErrorCode::InvalidValue, "token");
        HY_EXPECT_REFUSED(vouchers().where("token", "like", 5).remove(), ErrorCode::InvalidValue, "token");
        HY_EXPECT_REFUSED(vouchers().where("price", "like", "1%").count(), ErrorCode::InvalidQuery, "price");
    });
    QCOMPARE(statements, QStringList());
    QCOMPARE(rawCount(sql, QStringLiteral("vouchers")), 3);
    QCOMPARE(rawCount(sql, QStringLiteral("vouchers"), QStringLiteral("price = 2")), 0);
}

QTEST_GUILESS_MAIN(tst_Columns)
#include "tst_columns.moc"
