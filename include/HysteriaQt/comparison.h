// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_COMPARISON_H
#define HYSTERIAQT_COMPARISON_H

#include <HysteriaQt/hysteriaqt_global.h>

#include <QtCore/QString>

#include <cstddef>
#include <optional>
#include <string_view>

namespace Hy {

enum class Operator : quint8 {
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Like,
};

namespace detail {
constexpr std::optional<Operator> parseOperator(std::string_view text)
{
    if (text == "=") return Operator::Equal;
    if (text == "!=" || text == "<>") return Operator::NotEqual;
    if (text == "<") return Operator::Less;
    if (text == "<=") return Operator::LessOrEqual;
    if (text == ">") return Operator::Greater;
    if (text == ">=") return Operator::GreaterOrEqual;
    if (text == "like" || text == "LIKE") return Operator::Like;
    return std::nullopt;
}

// Not constexpr on purpose: see ColumnName.
inline void error_unknown_comparison_operator() {}

HYSTERIAQT_EXPORT Operator parseOperatorOrThrow(const QString &text);
} // namespace detail

// The operator of where(column, op, value), as in hysteria-orm:
// "=", "!=", "<>", "<", "<=", ">", ">=", "like". A literal is checked by the
// compiler; a QString at run time (Hy::Error UnknownOperator).
class Comparison
{
public:
    constexpr Comparison(Operator op) : m_op(op) {}

    template <std::size_t N>
    consteval Comparison(const char (&text)[N]) : m_op(Operator::Equal)
    {
        const auto op = detail::parseOperator(std::string_view(text, N - 1));
        if (!op)
            detail::error_unknown_comparison_operator();
        else
            m_op = *op;
    }

    Comparison(const QString &text) : m_op(detail::parseOperatorOrThrow(text)) {}

    constexpr Operator op() const { return m_op; }

private:
    Operator m_op;
};

} // namespace Hy

#endif // HYSTERIAQT_COMPARISON_H
