// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
//
// JSON values as JSON columns store them, and back.

#include "model/jsonvalues_p.h"

#include <HysteriaQt/detail/modeldata.h>

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <algorithm>

namespace Hy::detail {

namespace {

// Every U+FEFF inside a string or key of JSON text (UTF-8) as the escape
// \ufeff. Qt 6.4's reader drops the character at the start of a string, and
// PostgreSQL's jsonb gives it back unescaped whatever was written. Outside
// strings it is left alone: there it can only be a byte order mark.
QByteArray escapedByteOrderMarks(const QByteArray &utf8)
{
    static constexpr char Mark[] = "\xEF\xBB\xBF";
    if (!utf8.contains(Mark))
        return utf8;
    QByteArray out;
    out.reserve(utf8.size() + 8);
    bool inString = false;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8[i];
        if (inString && c == '\\' && i + 1 < utf8.size()) {
            out += c;
            out += utf8[++i];
            continue;
        }
        if (inString && c == Mark[0] && QByteArrayView(utf8).sliced(i).startsWith(Mark)) {
            out += "\\ufeff";
            i += 2;
            continue;
        }
        if (c == '"')
            inString = !inString;
        out += c;
    }
    return out;
}

} // namespace

std::optional<QJsonValue> jsonValueOf(const QVariant &value)
{
    QJsonValue json;
    switch (value.typeId()) {
    case QMetaType::QJsonValue:
        json = value.toJsonValue();
        break;
    case QMetaType::QJsonObject:
        json = value.toJsonObject();
        break;
    case QMetaType::QJsonArray:
        json = value.toJsonArray();
        break;
    case QMetaType::QJsonDocument: {
        const QJsonDocument document = value.toJsonDocument();
        json = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
        break;
    }
    case QMetaType::QString:
    case QMetaType::QByteArray:
        // Text is JSON text already, as hysteria-orm takes it; it must parse.
        if (!jsonFromDatabase(value, &json))
            return std::nullopt;
        break;
    case QMetaType::QVariantMap:
    case QMetaType::QVariantList:
    case QMetaType::QVariantHash:
    case QMetaType::QStringList:
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::Double:
        json = QJsonValue::fromVariant(value);
        break;
    default:
        return std::nullopt;
    }
    if (json.isUndefined())
        return std::nullopt;
    return json;
}

int jsonDepth(const QJsonValue &value, int limit)
{
    int deepest = 0;
    if (value.isArray()) {
        if (limit < 0)
            return 1;
        for (const QJsonValue &item : value.toArray())
            deepest = std::max(deepest, jsonDepth(item, limit - 1));
        return deepest + 1;
    }
    if (value.isObject()) {
        if (limit < 0)
            return 1;
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            deepest = std::max(deepest, jsonDepth(it.value(), limit - 1));
        return deepest + 1;
    }
    return 0;
}

void forEachJsonString(const QJsonValue &value, const std::function<void(const QString &)> &visit)
{
    switch (value.type()) {
    case QJsonValue::String:
        visit(value.toString());
        break;
    case QJsonValue::Array:
        for (const QJsonValue &item : value.toArray())
            forEachJsonString(item, visit);
        break;
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            visit(it.key());
            forEachJsonString(it.value(), visit);
        }
        break;
    }
    default:
        break;
    }
}

QString jsonText(const QJsonValue &value)
{
    // QJsonDocument holds only objects and arrays: the value is written in
    // an array whose brackets are then dropped.
    const QByteArray text = escapedByteOrderMarks(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(text.constData() + 1, text.size() - 2);
}

bool parseJsonText(const QByteArray &utf8, QJsonValue *out)
{
    // In an array, so that scalars ("42", "\"text\"") parse too.
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson('[' + escapedByteOrderMarks(utf8) + ']', &error);
    if (error.error != QJsonParseError::NoError || document.array().size() != 1)
        return false;
    *out = document.array().first();
    return true;
}

} // namespace Hy::detail
