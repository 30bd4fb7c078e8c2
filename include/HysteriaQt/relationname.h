// Copyright (C) 2026 The HysteriaQt authors
// SPDX-License-Identifier: MIT
#ifndef HYSTERIAQT_RELATIONNAME_H
#define HYSTERIAQT_RELATIONNAME_H

#include <HysteriaQt/detail/relationregistry.h>

#include <QtCore/QString>

#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>

namespace Hy {

template <typename M>
class ModelQuery;

namespace detail {

// What CallbackModel is for a callback that does not name its query's
// model: a generic lambda ([](auto &q) { ... }) or a function of anything else.
struct UnnamedCallbackModel;

// The model a relation callback's query is of: ModelQuery<T> in
// `[](Hy::ModelQuery<T> &query) { ... }`.
template <typename Member>
struct CallbackModelOfMember { using type = UnnamedCallbackModel; };
template <typename C, typename R, typename T>
struct CallbackModelOfMember<R (C::*)(ModelQuery<T> &) const> { using type = T; };
template <typename C, typename R, typename T>
struct CallbackModelOfMember<R (C::*)(ModelQuery<T> &)> { using type = T; };

template <typename F>
struct CallbackModelHelper { using type = UnnamedCallbackModel; };
template <typename F>
    requires requires { &F::operator(); }
struct CallbackModelHelper<F> : CallbackModelOfMember<decltype(&F::operator())> {};
template <typename R, typename T>
struct CallbackModelHelper<R (*)(ModelQuery<T> &)> { using type = T; };

template <typename F>
using CallbackModel = typename CallbackModelHelper<std::decay_t<F>>::type;

} // namespace detail

// A relation of model M, named as defineRelations names it. A literal is
// checked by the compiler; a QString at run time (UnknownRelation).
template <typename M>
class RelationName
{
public:
    template <std::size_t N>
    consteval RelationName(const char (&name)[N]) : m_index(detail::relationIndex<M>(std::string_view(name, N - 1)))
    {
        if (m_index < 0)
            detail::error_no_relation_with_this_name_in_the_schema();
    }
    RelationName(const QString &name) : m_index(-1)
    {
        static_assert(detail::relationCount<M>() > 0,
                      "HysteriaQt: the model has no relations here: include the schema header that defines them");
        const QByteArray utf8 = name.toUtf8();
        m_index = detail::relationIndex<M>(std::string_view(utf8.constData(), std::size_t(utf8.size())));
        if (m_index < 0)
            throw detail::unknownRelationError(name, M::hyTable);
    }

    constexpr int index() const { return m_index; }

private:
    int m_index;
};

// A manyToMany relation of M: the name attach(), detach() and sync() take.
// A literal is checked by the compiler; a QString at run time
// (UnknownRelation, RelationNotManyToMany).
template <typename M>
class ManyToManyName
{
public:
    template <std::size_t N>
    consteval ManyToManyName(const char (&name)[N]) : m_index(detail::relationIndex<M>(std::string_view(name, N - 1)))
    {
        if (m_index < 0)
            detail::error_no_relation_with_this_name_in_the_schema();
        else if (detail::relationKind<M>(m_index) != RelationKind::ManyToMany)
            detail::error_the_relation_is_not_many_to_many();
    }
    ManyToManyName(const QString &name) : m_index(RelationName<M>(name).index())
    {
        if (detail::relationKind<M>(m_index) != RelationKind::ManyToMany)
            throw detail::notManyToManyError(name, M::hyTable);
    }

    constexpr int index() const { return m_index; }

private:
    int m_index;
};

// A relation of M whose target is Target: load()'s name with a callback.
template <typename M, typename Target>
class RelationTo
{
public:
    template <std::size_t N>
    consteval RelationTo(const char (&name)[N]) : m_index(detail::relationIndex<M>(std::string_view(name, N - 1)))
    {
        if (m_index < 0)
            detail::error_no_relation_with_this_name_in_the_schema();
        else if (!std::is_same_v<Target, detail::UnnamedCallbackModel> && !targetIs(m_index))
            detail::error_the_callback_takes_the_query_of_another_model_than_the_relation();
    }

    constexpr int index() const { return m_index; }

private:
    static consteval bool targetIs(int index)
    {
        bool same = false;
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            ((int(I) == index ? same = std::is_same_v<typename detail::RelationAt<M, int(I)>::TargetModel, Target>
                              : false),
             ...);
        }(std::make_index_sequence<std::size_t(detail::relationCount<M>())>{});
        return same;
    }

    int m_index;
};

// A relation's name as a template argument: Hy::related<"posts">(user).
template <std::size_t N>
struct RelationLiteral
{
    consteval RelationLiteral(const char (&name)[N])
    {
        for (std::size_t i = 0; i < N; ++i)
            text[i] = name[i];
    }
    constexpr std::string_view view() const { return std::string_view(text, N - 1); }
    char text[N]{};
};

} // namespace Hy

#endif // HYSTERIAQT_RELATIONNAME_H
