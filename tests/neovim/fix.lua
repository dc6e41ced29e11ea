-- Neovim (0.7 or later) as leakfix's language client, headless: attach
-- `leakfix server` to the buffer, wait for its diagnostic, apply its quick
-- fix, save, and quit. Driven by tests/neovim.rs with LEAKFIX set to the
-- binary; it exits 0 when the fix was applied, 1 otherwise (with why on
-- stderr).
local function fail(why)
  io.stderr:write("neovim: " .. why .. "\n")
  vim.cmd("cquit 1")
end

local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = "leakfix",
  cmd = { os.getenv("LEAKFIX"), "server" },
  root_dir = vim.fn.getcwd(),
})
if not client_id then
  fail("the server did not start")
end
vim.lsp.buf_attach_client(bufnr, client_id)

local ok = vim.wait(10000, function()
  return #vim.diagnostic.get(bufnr) > 0
end, 50)
if not ok then
  fail("no diagnostic within 10 s")
end
local d = vim.diagnostic.get(bufnr)[1]
io.stdout:write("diagnostic: " .. d.source .. " " .. tostring(d.code) .. " line " .. d.lnum .. "\n")

local params = {
  textDocument = vim.lsp.util.make_text_document_params(bufnr),
  range = { start = { line = d.lnum, character = 0 }, ["end"] = { line = d.lnum, character = 0 } },
  context = { diagnostics = {}, only = { "quickfix" } },
}
local replies = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 10000)
local applied = false
for _, reply in pairs(replies or {}) do
  for _, action in ipairs(reply.result or {}) do
    if not applied and action.kind == "quickfix" and action.edit then
      vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
      applied = true
    end
  end
end
if not applied then
  fail("no quick fix offered")
end
vim.cmd("write")
vim.lsp.stop_client(client_id)
vim.cmd("qall!")
