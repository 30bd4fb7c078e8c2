// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_TESTMODELS_H
#define HYSTERIAQT_TESTMODELS_H

#include <HysteriaQt/Model>

// The seed's quick-start models.
class User : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(User, "users")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(name, setName, Hy::col::string())
    HY_COLUMN(email, setEmail, Hy::col::string({.nullable = false}))
    HY_COLUMN(isActive, setActive, Hy::col::boolean())
    HY_COLUMN(createdAt, setCreatedAt, Hy::col::datetime({.autoCreate = true}))
    HY_COLUMN(updatedAt, setUpdatedAt, Hy::col::datetime({.autoCreate = true, .autoUpdate = true}))

public:
    using Hy::Model::Model;
};

class Post : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Post, "posts")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(title, setTitle, Hy::col::string())
    HY_COLUMN(body, setBody, Hy::col::text())
    HY_COLUMN(userId, setUserId, Hy::col::integer())
    HY_COLUMN(createdAt, setCreatedAt, Hy::col::datetime({.autoCreate = true}))
    HY_COLUMN(updatedAt, setUpdatedAt, Hy::col::datetime({.autoCreate = true, .autoUpdate = true}))

public:
    using Hy::Model::Model;
};

// Every column kind of the foundation, nullable and not, with options.
class Sample : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Sample, "samples")
    HY_COLUMN(id, setId, Hy::col::bigIncrement())
    HY_COLUMN(code, setCode, Hy::col::string({.nullable = false, .length = 8}))
    HY_COLUMN(quantity, setQuantity, Hy::col::integer())
    HY_COLUMN(total, setTotal, Hy::col::bigInteger({.nullable = false, .databaseName = "grand_total"}))
    HY_COLUMN(ratio, setRatio, Hy::col::float_())
    HY_COLUMN(price, setPrice, Hy::col::decimal({.precision = 10, .scale = 2}))
    HY_COLUMN(notes, setNotes, Hy::col::text())
    HY_COLUMN(enabled, setEnabled, Hy::col::boolean({.nullable = false}))
    HY_COLUMN(happenedAt, setHappenedAt, Hy::col::datetime())

public:
    using Hy::Model::Model;
};

// A primary key the application chooses.
class Tag : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Tag, "tags")
    HY_COLUMN(code, setCode, Hy::col::string({.primaryKey = true, .length = 32}))
    HY_COLUMN(label, setLabel, Hy::col::string())

public:
    using Hy::Model::Model;
};

// No primary key at all.
class LogEntry : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(LogEntry, "log_entries")
    HY_COLUMN(message, setMessage, Hy::col::text({.nullable = false}))
    HY_COLUMN(level, setLevel, Hy::col::integer())

public:
    using Hy::Model::Model;
};

// A tree: rows refer to other rows of the same table (the foreign key is
// added by the tests with raw DDL until models declare relations).
class Node : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Node, "nodes")
    HY_COLUMN(code, setCode, Hy::col::string({.primaryKey = true, .length = 16}))
    HY_COLUMN(parent, setParent, Hy::col::string({.length = 16}))
    HY_COLUMN(label, setLabel, Hy::col::string())

public:
    using Hy::Model::Model;
};

// Date-times in tables made by other tools (created with raw DDL by the tests).
class Moment : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Moment, "moments")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(at, setAt, Hy::col::datetime())
    HY_COLUMN(atZone, setAtZone, Hy::col::datetime())

public:
    using Hy::Model::Model;
};

// Values HysteriaQt makes when an insert gives none: a UUID primary key, ULIDs.
class Document : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Document, "documents")
    HY_COLUMN(id, setId, Hy::col::uuid({.primaryKey = true}))
    HY_COLUMN(ref, setRef, Hy::col::ulid({.nullable = false}))
    HY_COLUMN(title, setTitle, Hy::col::string({.nullable = false}))
    HY_COLUMN(parentId, setParentId, Hy::col::uuid())

public:
    using Hy::Model::Model;
};

// A decimal column of each C++ type: exact, a double, text for wider numbers.
class LedgerEntry : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(LedgerEntry, "ledger_entries")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(amount, setAmount, Hy::col::decimal({.nullable = false, .precision = 18, .scale = 2}))
    HY_COLUMN(rate, setRate, Hy::col::decimal<double>({.precision = 10, .scale = 4}))
    HY_COLUMN(wide, setWide, Hy::col::decimal<QString>({.precision = 30, .scale = 10}))

public:
    using Hy::Model::Model;
};

// A value type of the application's, stored as "x,y" text.
struct Point
{
    int x = 0;
    int y = 0;
    friend bool operator==(const Point &, const Point &) = default;
};

// Every kind of column past the seed's quick start, with serialize,
// prepare and defaults.
class Profile : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Profile, "profiles")

public:
    enum class Level { Beginner, Intermediate, Expert };
    Q_ENUM(Level)

private:
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(birthday, setBirthday, Hy::col::date())
    HY_COLUMN(wakeUp, setWakeUp, Hy::col::time())
    HY_COLUMN(seenAt, setSeenAt, Hy::col::timestamp())
    HY_COLUMN(avatar, setAvatar, Hy::col::binary())
    HY_COLUMN(settings, setSettings, Hy::col::json())
    HY_COLUMN(tags, setTags, Hy::col::json<QJsonArray>())
    HY_COLUMN(status, setStatus,
              Hy::col::enum_({"draft", "published", "archived"}, {.nullable = false, .default_ = "draft"}))
    HY_COLUMN(level, setLevel, Hy::col::enum_<Level>({.default_ = Level::Beginner}))
    HY_COLUMN(nickname, setNickname,
              Hy::col::string({.length = 40,
                               .serialize = [](const QString &raw) { return raw.trimmed(); },
                               .prepare = [](const QString &value) { return value.toLower(); }}))
    HY_COLUMN(score, setScore, Hy::col::integer({.nullable = false, .default_ = 10}))
    HY_COLUMN(ratio, setRatio, Hy::col::float_({.default_ = 0.5}))
    HY_COLUMN(active, setActive, Hy::col::boolean({.default_ = true}))
    HY_COLUMN(since, setSince, Hy::col::date<QString>({.default_ = "2020-02-29"}))
    HY_COLUMN(motto, setMotto, Hy::col::text({.default_ = "carpe 'diem'"}))
    // A default instead of a UUID made by HysteriaQt.
    HY_COLUMN(ticket, setTicket, Hy::col::uuid({.default_ = "00000000-0000-4000-8000-000000000001"}))
    HY_COLUMN(location, setLocation,
              (Hy::col::generic<Point, QString>(
                      {.serialize = [](const QString &raw) {
                           const QStringList parts = raw.split(u',');
                           return parts.size() == 2 ? Point{parts[0].toInt(), parts[1].toInt()} : Point{};
                       },
                       .prepare = [](const Point &p) { return QStringLiteral("%1,%2").arg(p.x).arg(p.y); }})))

public:
    using Hy::Model::Model;
};

// Soft deletes by the default column, deletedAt.
class Article : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Article, "articles")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(title, setTitle, Hy::col::string({.nullable = false}))
    HY_COLUMN(updatedAt, setUpdatedAt, Hy::col::datetime({.autoUpdate = true}))
    HY_COLUMN(deletedAt, setDeletedAt, Hy::col::datetime())

public:
    using Hy::Model::Model;

    // Of a getter's signature, but not a column's.
    const QString &heading() const noexcept { return title(); }
};

// The seed's LegacyModel: snake_case properties, a boolean soft-delete flag.
class LegacyRecord : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(LegacyRecord, "legacy_records")
    HY_MODEL_OPTIONS({.modelCaseConvention = Hy::CaseConvention::Snake,
                      .databaseCaseConvention = Hy::CaseConvention::Snake,
                      .softDeleteColumn = "is_deleted",
                      .softDeleteValue = true})
    HY_COLUMN(record_id, setRecordId, Hy::col::increment())
    HY_COLUMN(record_name, setRecordName, Hy::col::string())
    HY_COLUMN(is_deleted, setIsDeleted, Hy::col::boolean({.nullable = false}))

public:
    using Hy::Model::Model;
};

// A table whose columns are PascalCase, as other tools make them.
class Invoice : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Invoice, "Invoices")
    HY_MODEL_OPTIONS({.databaseCaseConvention = Hy::CaseConvention::Pascal,
                      .softDeleteColumn = "state",
                      .softDeleteValue = "void"})
    HY_COLUMN(invoiceId, setInvoiceId, Hy::col::increment())
    HY_COLUMN(customerName, setCustomerName, Hy::col::string())
    HY_COLUMN(totalCents, setTotalCents, Hy::col::bigInteger({.databaseName = "Total"}))
    HY_COLUMN(state, setState, Hy::col::enum_({"open", "paid", "void"}))

public:
    using Hy::Model::Model;
};

// A soft-delete value in a column with prepare: stored as prepared ("VOID").
class Parcel : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Parcel, "parcels")
    HY_MODEL_OPTIONS({.softDeleteColumn = "state", .softDeleteValue = "void"})
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(subject, setSubject, Hy::col::string())
    HY_COLUMN(state, setState,
              Hy::col::string({.prepare = [](const QString &value) { return value.toUpper(); }}))

public:
    using Hy::Model::Model;
};

// A convention given as a function.
class Shout : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Shout, "shouts")
    HY_MODEL_OPTIONS({.databaseCaseConvention = [](const QString &name) { return QStringLiteral("C_") + name.toUpper(); }})
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(message, setMessage, Hy::col::text())

public:
    using Hy::Model::Model;
};

// The seed's indexes, uniques and checks, in both forms.
class Member : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Member, "members")
    HY_INDEXES({{"email"}}, {.columns = {"name", "email"}, .name = "idx_name_email"})
    HY_UNIQUES({{"email"}}, {.columns = {"name", "age"}, .name = "uq_members_name_age"})
    HY_CHECKS({"age >= 18"}, {.expression = "status IN ('active', 'inactive')", .name = "chk_status"})
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(name, setName, Hy::col::string())
    HY_COLUMN(email, setEmail, Hy::col::string({.nullable = false}))
    HY_COLUMN(age, setAge, Hy::col::integer())
    HY_COLUMN(status, setStatus, Hy::col::string({.length = 16}))

public:
    using Hy::Model::Model;
};

// Two checks whose default names would be the same.
class Span : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Span, "spans")
    HY_CHECKS({"end_at > start_at"}, {"end_at >= start_at"})
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(startAt, setStartAt, Hy::col::integer())
    HY_COLUMN(endAt, setEndAt, Hy::col::integer())

public:
    using Hy::Model::Model;
};

// A convention function that gives two columns one name: refused when the
// model is first used.
class Clash : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Clash, "clashes")
    HY_MODEL_OPTIONS({.databaseCaseConvention = [](const QString &) { return QStringLiteral("same"); }})
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(name, setName, Hy::col::string())

public:
    using Hy::Model::Model;
};

// Keys of the encrypted test columns: fixed here, read from where keys are
// kept in an application.
namespace TestKeys {
inline Hy::EncryptionKey key() { return Hy::EncryptionKey::fromRawKey(QByteArray(32, 'k')); }
inline Hy::EncryptionKey otherKey() { return Hy::EncryptionKey::fromRawKey(QByteArray(32, 'o')); }
inline Hy::EncryptionKey badKey() { return Hy::EncryptionKey::fromRawKey(QByteArray(31, 'k')); }
inline const Hy::KeyPair &pair()
{
    static const Hy::KeyPair keys = Hy::generateKeyPair(2048);
    return keys;
}
} // namespace TestKeys

class Secret : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(Secret, "secrets")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(note, setNote, Hy::col::encryption::symmetric({.key = &TestKeys::key}))
    HY_COLUMN(letter, setLetter,
              Hy::col::encryption::asymmetric({.publicKey = [] { return TestKeys::pair().publicKey; },
                                               .privateKey = [] { return TestKeys::pair().privateKey; }}))

public:
    using Hy::Model::Model;
};

// The same table as another process with another key would see it, or one
// that holds only the public key.
class SecretElsewhere : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(SecretElsewhere, "secrets")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(note, setNote, Hy::col::encryption::symmetric({.key = &TestKeys::otherKey}))
    HY_COLUMN(letter, setLetter,
              Hy::col::encryption::asymmetric({.publicKey = [] { return TestKeys::pair().publicKey; }}))

public:
    using Hy::Model::Model;
};

class SecretMisconfigured : public Hy::Model
{
    Q_OBJECT
    HY_MODEL(SecretMisconfigured, "secrets")
    HY_COLUMN(id, setId, Hy::col::increment())
    HY_COLUMN(note, setNote, Hy::col::encryption::symmetric({.key = &TestKeys::badKey}))

public:
    using Hy::Model::Model;
};

#endif // HYSTERIAQT_TESTMODELS_H
