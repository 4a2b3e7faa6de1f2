#pragma once
// Reading back a JSON file pipesim wrote (results.json, sweep.json): the parse, with file,
// line and column for malformed text, and typed fields that note every problem instead of
// stopping at the first, so a hand-edited file is fixed in one pass. Only the readers
// include this header: it brings in nlohmann-json.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/error.hpp"

namespace pipesim {

// Ordered, so maps (the cash flow's series, a sweep point's values) keep the file's order.
using Json = nlohmann::ordered_json;

// The top-level object of `text`; throws InputError at the line and column where the
// text stops being JSON, or saying it is not `what` ("a results file") when the top
// level is not an object.
Json parse_json_object(std::string_view text, const std::string& source, const char* what);

// How a list entry is named in messages: by its id when it has one, else "list[index]".
std::string entity_of(const Json& item, const char* list, std::size_t index);

class JsonFields {
  public:
    explicit JsonFields(std::string source) : source_(std::move(source)) {}

    void problem(const std::string& entity, const std::string& reason);
    void throw_if_any() const { problems_.throw_if_any(); }

    // The value at `key`; nullptr (and a problem when `required`) if it is not there.
    const Json* field(const Json& object, const char* key, const std::string& entity,
                      bool required = true);
    std::string text(const Json& object, const char* key, const std::string& entity);
    std::optional<double> optional_number(const Json& object, const char* key,
                                          const std::string& entity);
    double number(const Json& object, const char* key, const std::string& entity);
    std::uint64_t count(const Json& object, const char* key, const std::string& entity);
    bool flag(const Json& object, const char* key, const std::string& entity);
    std::optional<Date> optional_date(const Json& object, const char* key,
                                      const std::string& entity);
    Date date(const Json& object, const char* key, const std::string& entity);
    // The array at `key`, or an empty one (with a problem when required).
    const Json& list(const Json& object, const char* key, const std::string& entity,
                     bool required = true);
    // The object at `key`, or nullptr (with a problem).
    const Json* object(const Json& parent, const char* key, const std::string& entity);

  private:
    void wrong_type(const char* key, const std::string& entity, const char* expected);

    std::string source_;
    ProblemList problems_;
};

}  // namespace pipesim
