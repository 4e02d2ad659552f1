/** How text output is decorated. Reporters stay pure: the CLI decides on colour and passes a style. */

export interface TextStyle {
  readonly error: (text: string) => string;
  readonly warning: (text: string) => string;
  readonly info: (text: string) => string;
  readonly heading: (text: string) => string;
  readonly dim: (text: string) => string;
}

const same = (text: string) => text;

export const PLAIN_STYLE: TextStyle = { error: same, warning: same, info: same, heading: same, dim: same };
