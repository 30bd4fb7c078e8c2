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

// camelCase / PascalCase -> snake_case, keeping acronyms together:
// isActive -> is_active, userID -> user_id, HTTPStatus -> http_status.
// constexpr so that a model's database names can be checked by the compiler.
constexpr FixedName toSnakeCase(std::string_view name)
{
    FixedName out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        if (isUpper(c)) {
            const bool afterWordEnd = i > 0 && (isLower(name[i - 1]) || isDigit(name[i - 1]));
            const bool acronymEnd = i > 0 && isUpper(name[i - 1]) && i + 1 < name.size()
                    && isLower(name[i + 1]);
            if ((afterWordEnd || acronymEnd) && out.size > 0 && out.view().back() != '_')
                out.append('_');
            out.append(toLower(c));
        } else {
            out.append(c);
        }
    }
    return out;
}

} // namespace Hy::detail

#endif // HYSTERIAQT_DETAIL_CASING_H
