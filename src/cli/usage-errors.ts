import type { CommanderError } from "commander";

// Commander's own mistakes-in-usage messages, said in Chinese with the right
// form, so `dispatch` never answers a Chinese operator in English. Exit code
// 2 for every usage mistake (README, CLI), 0 for help asked for.

const quoted = (message: string): string => /'([^']+)'/.exec(message)?.[1] ?? "";

/** The Chinese line for a commander error, or null for help/version output (already printed). */
export function usageMessage(e: CommanderError, commandPath: string): string | null {
  const what = quoted(e.message);
  const help = `用 ${commandPath} --help 查看正确写法`;
  switch (e.code) {
    case "commander.helpDisplayed":
    case "commander.version":
      return null;
    case "commander.help":
      return `请指明要执行的命令。${help}。`;
    case "commander.missingArgument":
      return `缺少参数 ${what.replace(/^<|>$/g, "")}。${help}。`;
    case "commander.unknownCommand":
      return `没有“${what}”这个命令。${help}。`;
    case "commander.unknownOption":
      return `没有 ${what} 这个选项。${help}。`;
    case "commander.missingMandatoryOptionValue":
      return `必须指定 ${what.split(" ")[0]}，例如 ${what.split(" ")[0]} 台账.xlsx。${help}。`;
    case "commander.optionMissingArgument":
      return `选项 ${what.split(" ")[0]} 后面缺少取值。${help}。`;
    case "commander.excessArguments":
      return `参数太多。${help}。`;
    case "commander.invalidArgument":
      return `参数取值不正确：${e.message}。${help}。`;
    default:
      return `命令写法有误（${e.message}）。${help}。`;
  }
}

/** Exit code of a commander error: 0 for help asked for, 2 for any usage mistake. */
export const usageExitCode = (e: CommanderError): number => (e.code === "commander.helpDisplayed" || e.code === "commander.version" ? 0 : 2);
