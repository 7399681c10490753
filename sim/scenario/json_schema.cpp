#include "sim/scenario/json_schema.hpp"

#include "sim/scenario/schema_pattern.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

namespace layerlab::scenario {

using nlohmann::json;

std::string appendPointer(const std::string& pointer, const std::string& token) {
    std::string out = pointer + "/";
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string appendPointer(const std::string& pointer, size_t index) { return pointer + "/" + std::to_string(index); }

namespace {

const std::set<std::string>& knownKeywords() {
    static const std::set<std::string> keys = {"$schema",
                                               "$id",
                                               "$defs",
                                               "$ref",
                                               "$comment",
                                               "title",
                                               "description",
                                               "default",
                                               "examples",
                                               "type",
                                               "properties",
                                               "required",
                                               "additionalProperties",
                                               "items",
                                               "enum",
                                               "const",
                                               "minimum",
                                               "maximum",
                                               "minLength",
                                               "minItems",
                                               "pattern",
                                               "oneOf",
                                               "anyOf",
                                               "allOf",
                                               "not",
                                               "if",
                                               "then",
                                               "else",
                                               "dependentRequired"};
    return keys;
}

bool hasType(const json& value, const std::string& type) {
    if (type == "string") return value.is_string();
    if (type == "integer") {
        if (value.is_number_integer()) return true;
        // A float with no fraction that fits LayerLab's 64-bit integers (1.0, 1e18); a
        // larger one (1e23) is not. Compared in double before any cast: casting 1e23 to
        // long long is undefined behaviour (UBSan), which the old check did.
        if (!value.is_number_float()) return false;
        const double d = value.get<double>();
        // (NaN and the infinities fail the range test.)
        return std::trunc(d) == d && d >= -9223372036854775808.0 && d < 9223372036854775808.0;
    }
    if (type == "number") return value.is_number();
    if (type == "object") return value.is_object();
    if (type == "array") return value.is_array();
    if (type == "boolean") return value.is_boolean();
    if (type == "null") return value.is_null();
    return false;
}

std::string typePhrase(const std::string& type) {
    if (type == "string") return "a string";
    if (type == "integer") return "an integer";
    if (type == "number") return "a number";
    if (type == "object") return "an object";
    if (type == "array") return "an array";
    if (type == "boolean") return "true or false";
    return "null";
}

std::string joinAlternatives(const std::vector<std::string>& parts, const std::string& lastJoin) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += (i + 1 == parts.size()) ? lastJoin : ", ";
        out += parts[i];
    }
    return out;
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

size_t codePoints(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string numberText(const json& v) {
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    return v.dump();
}

// The property names of oneOf/anyOf branches written as {"required": [X]}
// (optionally with a "type"), skipping pure type guards such as
// {"type": "string"}; empty when any branch has another shape.
std::vector<std::string> requiredOnlyNames(const json& branches) {
    std::vector<std::string> names;
    for (const auto& b : branches) {
        if (!b.is_object()) return {};
        if (b.size() == 1 && b.contains("type")) continue;
        size_t expected = b.contains("type") ? 2 : 1;
        if (b.size() != expected || !b.contains("required") || b["required"].size() != 1) return {};
        names.push_back(quoted(b["required"][0].get<std::string>()));
    }
    return names;
}

}   // namespace

SchemaValidator::SchemaValidator(json schema) : m_schema(std::move(schema)) { checkKeywords(m_schema, "#"); }

void SchemaValidator::checkKeywords(const json& schema, const std::string& where) const {
    if (schema.is_boolean()) return;
    if (!schema.is_object()) throw std::invalid_argument(where + ": a schema must be an object or a boolean");
    for (const auto& [key, sub] : schema.items()) {
        if (!knownKeywords().count(key))
            throw std::invalid_argument(where + ": keyword \"" + key + "\" is not supported by LayerLab's validator");
        if (key == "properties" || key == "$defs") {
            for (const auto& [name, s] : sub.items()) checkKeywords(s, where + "/" + key + "/" + name);
        } else if (key == "additionalProperties" || key == "items" || key == "not" || key == "if" || key == "then" ||
                   key == "else") {
            checkKeywords(sub, where + "/" + key);
        } else if (key == "allOf" || key == "anyOf" || key == "oneOf") {
            for (size_t i = 0; i < sub.size(); ++i) checkKeywords(sub[i], where + "/" + key + "/" + std::to_string(i));
        } else if (key == "$ref") {
            std::string ref = sub.get<std::string>();
            if (ref.rfind("#/$defs/", 0) != 0)
                throw std::invalid_argument(where + ": only #/$defs/ references are supported");
        } else if (key == "pattern") {
            if (const std::string problem = patternProblem(sub.get<std::string>()); !problem.empty())
                throw std::invalid_argument(where + ": pattern " + sub.dump() + ": " + problem);
        }
    }
}

const json& SchemaValidator::resolve(const json& schema) const {
    const std::string ref = schema["$ref"].get<std::string>();
    const std::string name = ref.substr(std::string("#/$defs/").size());
    auto defs = m_schema.find("$defs");
    if (defs == m_schema.end() || !defs->contains(name)) throw std::invalid_argument("unresolved reference " + ref);
    return (*defs)[name];
}

bool SchemaValidator::matches(const json& schema, const json& value) const {
    std::vector<SchemaError> errors;
    check(schema, value, "", errors);
    return errors.empty();
}

void SchemaValidator::check(const json& schema, const json& value, const std::string& pointer,
                            std::vector<SchemaError>& errors) const {
    if (schema.is_boolean()) {
        if (!schema.get<bool>()) errors.push_back({pointer, "is not allowed here"});
        return;
    }
    if (schema.contains("$ref")) check(resolve(schema), value, pointer, errors);

    if (auto t = schema.find("type"); t != schema.end()) {
        std::vector<std::string> types =
            t->is_array() ? t->get<std::vector<std::string>>() : std::vector<std::string>{t->get<std::string>()};
        bool ok = std::any_of(types.begin(), types.end(), [&](const std::string& ty) { return hasType(value, ty); });
        if (!ok) {
            std::vector<std::string> phrases;
            for (const auto& ty : types) phrases.push_back(typePhrase(ty));
            errors.push_back({pointer, "expected " + joinAlternatives(phrases, " or ")});
            return;   // one clear error per value: the rest would only repeat it
        }
    }
    if (auto e = schema.find("enum"); e != schema.end()) {
        if (std::find(e->begin(), e->end(), value) == e->end()) {
            std::vector<std::string> options;
            for (const auto& o : *e) options.push_back(o.dump());
            errors.push_back({pointer, "expected one of " + joinAlternatives(options, ", ")});
            return;
        }
    }
    if (auto c = schema.find("const"); c != schema.end() && value != *c) {
        errors.push_back({pointer, "expected " + c->dump()});
        return;
    }
    if (value.is_string()) {
        const auto& s = value.get_ref<const std::string&>();
        if (auto m = schema.find("minLength"); m != schema.end() && codePoints(s) < m->get<size_t>())
            errors.push_back({pointer, m->get<size_t>() == 1 ? std::string("must not be empty")
                                                             : "must be at least " + numberText(*m) + " characters"});
        if (auto p = schema.find("pattern"); p != schema.end()) {
            // The constructor refused patterns outside the subset: a value is the only answer here.
            if (!patternSearch(p->get<std::string>(), s).value_or(false))
                errors.push_back({pointer, "does not match the pattern " + p->get<std::string>()});
        }
    }
    if (value.is_number()) {
        if (auto m = schema.find("minimum"); m != schema.end() && value.get<double>() < m->get<double>())
            errors.push_back({pointer, "must be at least " + numberText(*m)});
        if (auto m = schema.find("maximum"); m != schema.end() && value.get<double>() > m->get<double>())
            errors.push_back({pointer, "must be at most " + numberText(*m)});
    }
    if (value.is_object()) checkObject(schema, value, pointer, errors);
    if (value.is_array()) {
        if (auto m = schema.find("minItems"); m != schema.end() && value.size() < m->get<size_t>())
            errors.push_back(
                {pointer, "must have at least " + numberText(*m) + " item" + (m->get<size_t>() == 1 ? "" : "s")});
        if (auto it = schema.find("items"); it != schema.end())
            for (size_t i = 0; i < value.size(); ++i) check(*it, value[i], appendPointer(pointer, i), errors);
    }
    checkCombinators(schema, value, pointer, errors);
}

// required, properties, additionalProperties and dependentRequired of an object value.
void SchemaValidator::checkObject(const json& schema, const json& value, const std::string& pointer,
                                  std::vector<SchemaError>& errors) const {
    if (auto r = schema.find("required"); r != schema.end()) {
        for (const auto& name : *r)
            if (!value.contains(name.get<std::string>()))
                errors.push_back({pointer, "missing required property " + quoted(name.get<std::string>())});
    }
    const json* props = schema.contains("properties") ? &schema["properties"] : nullptr;
    auto extra = schema.find("additionalProperties");
    for (const auto& [key, sub] : value.items()) {
        std::string at = appendPointer(pointer, key);
        if (props && props->contains(key)) {
            check((*props)[key], sub, at, errors);
        } else if (extra != schema.end()) {
            if (extra->is_boolean() && !extra->get<bool>()) {
                std::vector<std::string> names;
                if (props)
                    for (const auto& [name, s] : props->items()) names.push_back(name);
                errors.push_back({at, "unknown property (expected one of: " + joinAlternatives(names, ", ") + ")"});
            } else {
                check(*extra, sub, at, errors);
            }
        }
    }
    if (auto d = schema.find("dependentRequired"); d != schema.end()) {
        for (const auto& [key, needs] : d->items()) {
            if (!value.contains(key)) continue;
            for (const auto& n : needs)
                if (!value.contains(n.get<std::string>()))
                    errors.push_back(
                        {pointer, quoted(key) + " is only allowed together with " + quoted(n.get<std::string>())});
        }
    }
}

// allOf, anyOf, oneOf, not and if/then/else.
void SchemaValidator::checkCombinators(const json& schema, const json& value, const std::string& pointer,
                                       std::vector<SchemaError>& errors) const {
    if (auto all = schema.find("allOf"); all != schema.end())
        for (const auto& sub : *all) check(sub, value, pointer, errors);
    if (auto any = schema.find("anyOf"); any != schema.end()) {
        bool ok = std::any_of(any->begin(), any->end(), [&](const json& sub) { return matches(sub, value); });
        if (!ok) {
            auto names = requiredOnlyNames(*any);
            if (!names.empty())
                errors.push_back({pointer, "expected at least one of " + joinAlternatives(names, ", ")});
            else check((*any)[0], value, pointer, errors);   // the first form's own complaint
        }
    }
    if (auto one = schema.find("oneOf"); one != schema.end()) {
        size_t count = std::count_if(one->begin(), one->end(), [&](const json& sub) { return matches(sub, value); });
        if (count != 1) {
            auto names = requiredOnlyNames(*one);
            std::string what = names.empty() ? std::string("one of the allowed forms") : joinAlternatives(names, ", ");
            errors.push_back({pointer, (count == 0 ? "expected exactly one of " : "expected only one of ") + what});
        }
    }
    if (auto n = schema.find("not"); n != schema.end() && matches(*n, value))
        errors.push_back({pointer, "is not allowed here"});
    if (auto cond = schema.find("if"); cond != schema.end()) {
        if (matches(*cond, value)) {
            if (auto t = schema.find("then"); t != schema.end()) check(*t, value, pointer, errors);
        } else if (auto e = schema.find("else"); e != schema.end()) {
            check(*e, value, pointer, errors);
        }
    }
}

std::vector<SchemaError> SchemaValidator::validate(const json& document) const {
    std::vector<SchemaError> errors;
    check(m_schema, document, "", errors);
    // The same place can be reached through several combinators: say it once.
    std::vector<SchemaError> unique;
    for (auto& e : errors) {
        bool seen = std::any_of(unique.begin(), unique.end(),
                                [&](const SchemaError& u) { return u.pointer == e.pointer && u.message == e.message; });
        if (!seen) unique.push_back(std::move(e));
    }
    return unique;
}

namespace {
void collectProperties(const json& schema, std::set<std::string>& out) {
    if (!schema.is_object()) return;
    for (const auto& [key, sub] : schema.items()) {
        if (key == "properties") {
            for (const auto& [name, s] : sub.items()) {
                out.insert(name);
                collectProperties(s, out);
            }
        } else if (key == "$defs") {
            for (const auto& [name, s] : sub.items()) collectProperties(s, out);
        } else if (sub.is_object()) {
            collectProperties(sub, out);
        } else if (sub.is_array()) {
            for (const auto& s : sub) collectProperties(s, out);
        }
    }
}
}   // namespace

std::vector<std::string> SchemaValidator::declaredProperties() const {
    std::set<std::string> names;
    collectProperties(m_schema, names);
    return {names.begin(), names.end()};
}

}   // namespace layerlab::scenario
