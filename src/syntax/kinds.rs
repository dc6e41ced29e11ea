//! tree-sitter-go node kinds and field names used by the analysis. A test
//! checks every one against the grammar, so a grammar upgrade that renames a
//! kind fails loudly instead of silently matching nothing.

macro_rules! kinds {
    ($($name:ident = $s:literal),* $(,)?) => {
        $(pub const $name: &str = $s;)*
        /// Every kind above, for the grammar test.
        pub const ALL: &[&str] = &[$($s),*];
    };
}

kinds! {
    SOURCE_FILE = "source_file",
    PACKAGE_CLAUSE = "package_clause",
    FUNCTION_DECLARATION = "function_declaration",
    METHOD_DECLARATION = "method_declaration",
    FUNC_LITERAL = "func_literal",
    BLOCK = "block",
    STATEMENT_LIST = "statement_list",
    PARAMETER_LIST = "parameter_list",
    PARAMETER_DECLARATION = "parameter_declaration",
    VARIADIC_PARAMETER_DECLARATION = "variadic_parameter_declaration",
    SHORT_VAR_DECLARATION = "short_var_declaration",
    VAR_DECLARATION = "var_declaration",
    VAR_SPEC = "var_spec",
    VAR_SPEC_LIST = "var_spec_list",
    CONST_SPEC = "const_spec",
    ASSIGNMENT_STATEMENT = "assignment_statement",
    EXPRESSION_LIST = "expression_list",
    EXPRESSION_STATEMENT = "expression_statement",
    CALL_EXPRESSION = "call_expression",
    ARGUMENT_LIST = "argument_list",
    GO_STATEMENT = "go_statement",
    DEFER_STATEMENT = "defer_statement",
    SEND_STATEMENT = "send_statement",
    RECEIVE_STATEMENT = "receive_statement",
    UNARY_EXPRESSION = "unary_expression",
    BINARY_EXPRESSION = "binary_expression",
    SELECT_STATEMENT = "select_statement",
    COMMUNICATION_CASE = "communication_case",
    DEFAULT_CASE = "default_case",
    EXPRESSION_CASE = "expression_case",
    TYPE_CASE = "type_case",
    EXPRESSION_SWITCH_STATEMENT = "expression_switch_statement",
    TYPE_SWITCH_STATEMENT = "type_switch_statement",
    FOR_STATEMENT = "for_statement",
    FOR_CLAUSE = "for_clause",
    RANGE_CLAUSE = "range_clause",
    IF_STATEMENT = "if_statement",
    RETURN_STATEMENT = "return_statement",
    BREAK_STATEMENT = "break_statement",
    CONTINUE_STATEMENT = "continue_statement",
    GOTO_STATEMENT = "goto_statement",
    LABELED_STATEMENT = "labeled_statement",
    LABEL_NAME = "label_name",
    INC_STATEMENT = "inc_statement",
    IDENTIFIER = "identifier",
    FIELD_IDENTIFIER = "field_identifier",
    TYPE_IDENTIFIER = "type_identifier",
    SELECTOR_EXPRESSION = "selector_expression",
    PARENTHESIZED_EXPRESSION = "parenthesized_expression",
    CHANNEL_TYPE = "channel_type",
    SLICE_TYPE = "slice_type",
    ARRAY_TYPE = "array_type",
    MAP_TYPE = "map_type",
    COMPOSITE_LITERAL = "composite_literal",
    INT_LITERAL = "int_literal",
    INTERPRETED_STRING_LITERAL = "interpreted_string_literal",
    RAW_STRING_LITERAL = "raw_string_literal",
    COMMENT = "comment",
    NIL = "nil",
    TRUE = "true",
    FALSE = "false",
    FLOAT_LITERAL = "float_literal",
    RUNE_LITERAL = "rune_literal",
    INDEX_EXPRESSION = "index_expression",
    LITERAL_ELEMENT = "literal_element",
    KEYED_ELEMENT = "keyed_element",
    LITERAL_VALUE = "literal_value",
    VARIADIC_ARGUMENT = "variadic_argument",
    IMPLICIT_LENGTH_ARRAY_TYPE = "implicit_length_array_type",
    DEC_STATEMENT = "dec_statement",
    TYPE_SPEC = "type_spec",
    FUNCTION_TYPE = "function_type",
    TYPE_DECLARATION = "type_declaration",
    STRUCT_TYPE = "struct_type",
    FIELD_DECLARATION_LIST = "field_declaration_list",
    FIELD_DECLARATION = "field_declaration",
    TYPE_ALIAS = "type_alias",
    TYPE_PARAMETER_DECLARATION = "type_parameter_declaration",
    POINTER_TYPE = "pointer_type",
    FALLTHROUGH_STATEMENT = "fallthrough_statement",
    EMPTY_STATEMENT = "empty_statement",
    IMPORT_DECLARATION = "import_declaration",
    IMPORT_SPEC_LIST = "import_spec_list",
    QUALIFIED_TYPE = "qualified_type",
    PACKAGE_IDENTIFIER = "package_identifier",
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_kind_exists_in_the_grammar() {
        let lang: tree_sitter::Language = tree_sitter_go::LANGUAGE.into();
        for kind in super::ALL {
            assert_ne!(lang.id_for_node_kind(kind, true), 0, "{kind} is not a tree-sitter-go node kind");
        }
    }

    /// A node kind spelled as a string elsewhere escapes the grammar test.
    #[test]
    fn no_node_kind_is_written_as_a_string_literal() {
        let lang: tree_sitter::Language = tree_sitter_go::LANGUAGE.into();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = vec![root];
        let mut found = Vec::new();
        while let Some(p) = files.pop() {
            if p.is_dir() {
                files.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            if p.extension().is_none_or(|e| e != "rs") || p.ends_with("syntax/kinds.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            // Unit tests (at the end of a file) may spell kinds in Go snippets.
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            for (n, line) in code.lines().enumerate() {
                if line.contains("field_name(") || line.trim_start().starts_with("//") {
                    continue;
                }
                for lit in line.split('"').skip(1).step_by(2) {
                    let kind_like = lit.contains('_') && lit.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
                    if kind_like && lang.id_for_node_kind(lit, true) != 0 {
                        found.push(format!("{}:{}: {lit:?}", p.display(), n + 1));
                    }
                }
            }
        }
        assert!(found.is_empty(), "use the constants of syntax::kinds:\n{}", found.join("\n"));
    }
}
