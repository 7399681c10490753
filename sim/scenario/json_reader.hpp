// json_reader: typed field access on a JSON object that records errors with
// their JSON pointer instead of throwing (internal to sim/scenario).
// Missing keys leave the target at its default; wrong types add
// "POINTER: expected ..." to the error list.
#pragma once
#include <optional>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/scenario/json_schema.hpp"

namespace layerlab::scenario::detail {

using nlohmann::json;

// Reads typed fields of one JSON object, recording pointer errors instead of
// throwing. Missing keys leave the target at its default.
class JsonReader {
public:
    JsonReader(const json& j, std::string ptr, std::vector<std::string>& errors)
        : m_j(j), m_ptr(std::move(ptr)), m_errors(errors) {}

    bool isObject() {
        if (m_j.is_object()) return true;
        fail(m_ptr, "expected an object");
        return false;
    }
    const json* get(const char* key) const {
        auto it = m_j.find(key);
        return it == m_j.end() ? nullptr : &*it;
    }
    std::string at(const std::string& key) const { return appendPointer(m_ptr, key); }
    void fail(const std::string& ptr, const std::string& msg) {
        m_errors.push_back((ptr.empty() ? "/" : ptr) + ": " + msg);
    }

    void str(const char* key, std::string& out) {
        if (auto v = get(key)) {
            if (v->is_string()) out = v->get<std::string>();
            else fail(at(key), "expected a string");
        }
    }
    template <class T>
    void integer(const char* key, T& out) {
        if (auto v = get(key)) {
            if (!v->is_number_integer()) {
                fail(at(key), "expected an integer");
            } else if (fits<T>(*v)) {
                out = v->get<T>();
            } else {
                fail(at(key), "expected an integer from " + std::to_string(std::numeric_limits<T>::min()) + " to " +
                                  std::to_string(std::numeric_limits<T>::max()));
            }
        }
    }
    void boolean(const char* key, bool& out) {
        if (auto v = get(key)) {
            if (v->is_boolean()) out = v->get<bool>();
            else fail(at(key), "expected true or false");
        }
    }
    void strings(const char* key, std::vector<std::string>& out) {
        if (auto v = get(key)) readStrings(*v, at(key), out);
    }
    void optStrings(const char* key, std::optional<std::vector<std::string>>& out) {
        if (auto v = get(key)) {
            if (v->is_null()) {
                out.reset();
                return;
            }
            std::vector<std::string> tmp;
            readStrings(*v, at(key), tmp);
            out = std::move(tmp);
        }
    }
    void readStrings(const json& v, const std::string& ptr, std::vector<std::string>& out) {
        if (!v.is_array()) {
            fail(ptr, "expected an array");
            return;
        }
        out.clear();
        for (size_t i = 0; i < v.size(); ++i) {
            if (v[i].is_string()) out.push_back(v[i].get<std::string>());
            else fail(appendPointer(ptr, i), "expected a string");
        }
    }
    std::vector<std::string>& errors() { return m_errors; }
    const std::string& ptr() const { return m_ptr; }

    // An integer JSON value that T holds exactly (no silent wrap of 1e19 into an int).
    template <typename T>
    static bool fits(const nlohmann::json& v) {
        if (v.is_number_unsigned()) return v.get<uint64_t>() <= static_cast<uint64_t>(std::numeric_limits<T>::max());
        const int64_t x = v.get<int64_t>();
        if (x < 0) return std::is_signed_v<T> && x >= static_cast<int64_t>(std::numeric_limits<T>::min());
        return static_cast<uint64_t>(x) <= static_cast<uint64_t>(std::numeric_limits<T>::max());
    }

private:
    const json& m_j;
    std::string m_ptr;
    std::vector<std::string>& m_errors;
};

// Iterates an object-valued or array-valued field with the right pointers.
template <class Fn>
void eachMember(JsonReader& in, const char* key, Fn fn) {
    const json* v = in.get(key);
    if (!v) return;
    if (!v->is_object()) {
        in.fail(in.at(key), "expected an object");
        return;
    }
    for (const auto& [k, sub] : v->items()) fn(k, sub, appendPointer(in.at(key), k));
}
template <class Fn>
void eachItem(JsonReader& in, const char* key, Fn fn) {
    const json* v = in.get(key);
    if (!v) return;
    if (!v->is_array()) {
        in.fail(in.at(key), "expected an array");
        return;
    }
    for (size_t i = 0; i < v->size(); ++i) fn((*v)[i], appendPointer(in.at(key), i));
}
// Each element of an array field that is an object, read by fill(reader, item)
// into a new T appended to out; an element that is not an object is an error.
template <class T, class Fill>
void eachObject(JsonReader& in, const char* key, std::vector<T>& out, Fill fill) {
    eachItem(in, key, [&](const json& v, const std::string& p) {
        JsonReader item(v, p, in.errors());
        if (!item.isObject()) return;
        T t;
        fill(item, t);
        out.push_back(std::move(t));
    });
}

}   // namespace layerlab::scenario::detail
