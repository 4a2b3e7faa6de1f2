#include "report/json_fields.hpp"

namespace pipesim {
namespace {

// Line and column (both from 1) of a byte offset, for a parse error's message.
SourceLocation location_of(std::string_view text, std::size_t offset, const std::string& source) {
    SourceLocation where{source, 1, 1};
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++where.line;
            where.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++where.column;  // count characters, not the bytes of a UTF-8 sequence
        }
    }
    return where;
}

// nlohmann's message without its own code and position, which the location carries.
std::string parse_reason(const Json::parse_error& error) {
    const std::string message = error.what();
    const auto column = message.find("column ");
    const auto colon = column == std::string::npos ? column : message.find(": ", column);
    return "not valid JSON: " + (colon == std::string::npos ? message : message.substr(colon + 2));
}

}  // namespace

Json parse_json_object(std::string_view text, const std::string& source, const char* what) {
    Json root;
    try {
        root = Json::parse(text);
    } catch (const Json::parse_error& error) {
        // `byte` is one past the character the parser stopped at.
        throw InputError(location_of(text, error.byte > 0 ? error.byte - 1 : 0, source), "",
                         parse_reason(error));
    }
    if (!root.is_object()) {
        std::string reason = "not ";
        reason.append(what).append(": the top level is not an object");
        throw InputError({source, 0, 0}, "", reason);
    }
    return root;
}

std::string entity_of(const Json& item, const char* list, std::size_t index) {
    if (item.is_object()) {
        const auto id = item.find("id");
        if (id != item.end() && id->is_string()) return id->get<std::string>();
    }
    return std::string(list) + '[' + std::to_string(index) + ']';
}

void JsonFields::problem(const std::string& entity, const std::string& reason) {
    problems_.add({source_, 0, 0}, entity, reason);
}

const Json* JsonFields::field(const Json& object, const char* key, const std::string& entity,
                              bool required) {
    if (object.is_object()) {
        const auto found = object.find(key);
        if (found != object.end()) return &*found;
    }
    if (required) problem(entity, std::string("'") + key + "' is missing");
    return nullptr;
}

std::string JsonFields::text(const Json& object, const char* key, const std::string& entity) {
    const Json* value = field(object, key, entity);
    if (value && value->is_string()) return value->get<std::string>();
    if (value) wrong_type(key, entity, "a string");
    return {};
}

std::optional<double> JsonFields::optional_number(const Json& object, const char* key,
                                                  const std::string& entity) {
    const Json* value = field(object, key, entity, false);
    if (!value || value->is_null()) return std::nullopt;
    if (value->is_number()) return value->get<double>();
    wrong_type(key, entity, "a number or null");
    return std::nullopt;
}

double JsonFields::number(const Json& object, const char* key, const std::string& entity) {
    const Json* value = field(object, key, entity);
    if (value && value->is_number()) return value->get<double>();
    if (value) wrong_type(key, entity, "a number");
    return 0;
}

std::uint64_t JsonFields::count(const Json& object, const char* key, const std::string& entity) {
    const Json* value = field(object, key, entity);
    if (value && value->is_number_unsigned()) return value->get<std::uint64_t>();
    if (value) wrong_type(key, entity, "a whole number, at least 0");
    return 0;
}

bool JsonFields::flag(const Json& object, const char* key, const std::string& entity) {
    const Json* value = field(object, key, entity);
    if (value && value->is_boolean()) return value->get<bool>();
    if (value) wrong_type(key, entity, "true or false");
    return false;
}

std::optional<Date> JsonFields::optional_date(const Json& object, const char* key,
                                              const std::string& entity) {
    const Json* value = field(object, key, entity);
    if (!value || value->is_null()) return std::nullopt;
    if (value->is_string())
        if (auto date = Date::parse(value->get<std::string>())) return date;
    wrong_type(key, entity, "a date (YYYY-MM-DD) or null");
    return std::nullopt;
}

Date JsonFields::date(const Json& object, const char* key, const std::string& entity) {
    const Json* value = field(object, key, entity);
    if (value && value->is_string())
        if (auto date = Date::parse(value->get<std::string>())) return *date;
    if (value) wrong_type(key, entity, "a date (YYYY-MM-DD)");
    return {};
}

const Json& JsonFields::list(const Json& object, const char* key, const std::string& entity,
                             bool required) {
    static const Json empty = Json::array();
    const Json* value = field(object, key, entity, required);
    if (value && value->is_array()) return *value;
    if (value) wrong_type(key, entity, "a list");
    return empty;
}

const Json* JsonFields::object(const Json& parent, const char* key, const std::string& entity) {
    const Json* value = field(parent, key, entity);
    if (value && value->is_object()) return value;
    if (value) wrong_type(key, entity, "an object");
    return nullptr;
}

void JsonFields::wrong_type(const char* key, const std::string& entity, const char* expected) {
    problem(entity, std::string("'") + key + "' should be " + expected);
}

}  // namespace pipesim
