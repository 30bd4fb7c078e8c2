// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_DETAIL_CASING_H
#define HYSTERIAQT_DETAIL_CASING_H

// Not public API: included by the model headers.

#include <array>
#include <cstddef>
#include <string_view>

namespace Hy::detail {

// Identifiers longer than this are cut by PostgreSQL without an error, so
// HysteriaQt refuses them instead.
inline constexpr std::size_t MaxIdentifierLength = 63;

struct FixedName
{
    std::array<char, 2 * MaxIdentifierLength + 2> chars{};
    std::size_t size = 0;

    constexpr void append(char c)
    {
        if (size < chars.size())
            chars[size] = c;
        ++size; // keeps counting, so overlong names are detected by the caller
    }
    constexpr std::string_view view() const
    {
        return {chars.data(), size < chars.size() ? size : chars.size()};
    }
    constexpr bool overflowed() const { return size > chars.size(); }
};

constexpr bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool isLower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool isDigit(char c) { return c >= '0' && c <= '9'; }
constexpr char toLower(char c) { return isUpper(c) ? char(c - 'A' + 'a') : c; }

constexpr char toUpper(char c) { return isLower(c) ? char(c - 'a' + 'A') : c; }

// Whether a word starts at name[i] of a camelCase or PascalCase name,
// keeping acronyms together: is|Active, user|ID, HTTP|Status, line2|Text.
constexpr bool startsWord(std::string_view name, std::size_t i)
{
    if (i == 0 || !isUpper(name[i]))
        return false;
    const char before = name[i - 1];
    return isLower(before) || isDigit(before)
            || (isUpper(before) && i + 1 < name.size() && isLower(name[i + 1]));
}

// A name split into words (at underscores, and at case changes unless
// `splitCase` is false), joined again in the style of `to`:
// Style values as in Hy::CaseConvention (0 camel, 1 snake, 2 pascal, 3 preserve).
// constexpr so that a model's database names can be checked by the compiler.
constexpr FixedName convertCase(std::string_view name, bool splitCase, int to)
{
    enum { Camel, Snake, Pascal, Preserve };
    FixedName out;
    if (to == Preserve) {
        for (char c : name)
            out.append(c);
        return out;
    }
    bool wordStart = true;
    int words = 0;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        if (c == '_') {
            wordStart = true;
            continue;
        }
        const bool first = wordStart || (splitCase && startsWord(name, i));
        wordStart = false;
        if (first && to == Snake && words > 0)
            out.append('_');
        if (to == Snake)
            out.append(toLower(c));
        else if (first && (to == Pascal || words > 0))
            out.append(toUpper(c));
        else
            out.append(first || splitCase ? toLower(c) : c);
        words += first ? 1 : 0;
    }
    return out;
}

// camelCase / PascalCase -> snake_case: isActive -> is_active, userID ->
// user_id, HTTPStatus -> http_status.
constexpr FixedName toSnakeCase(std::string_view name)
{
    return convertCase(name, true, 1);
}

} // namespace Hy::detail

#endif // HYSTERIAQT_DETAIL_CASING_H
