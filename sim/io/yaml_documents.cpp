#include "io/yaml_documents.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <optional>
#include <sstream>
#include <string>

namespace pipesim::io {
namespace {

// Notes where each document starts and ignores the rest.
class DocumentStarts : public YAML::EventHandler {
  public:
    std::optional<YAML::Mark> last;
    bool stuck = false;  // a document started where the one before it did

    void OnDocumentStart(const YAML::Mark& mark) override {
        stuck = last && last->pos == mark.pos;
        last = mark;
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

void reject_unreadable_documents(const std::string& text) {
    std::istringstream stream(text);
    YAML::Parser parser(stream);
    DocumentStarts starts;
    while (parser.HandleNextDocument(starts))
        if (starts.stuck) throw YAML::ParserException(*starts.last, "unexpected character");
}

}  // namespace

std::vector<YAML::Node> load_documents(std::string_view text) {
    const std::string copy(text);
    reject_unreadable_documents(copy);
    return YAML::LoadAll(copy);
}

}  // namespace pipesim::io
