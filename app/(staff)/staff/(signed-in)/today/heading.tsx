export type HeadingLevel = 2 | 3 | 4;

const TAGS = { 2: "h2", 3: "h3", 4: "h4" } as const;

/** My day nests one level deeper when it is split per location; this keeps the outline right either way. */
export function Heading({ level, ...props }: { level: HeadingLevel } & React.HTMLAttributes<HTMLHeadingElement>) {
  const Tag = TAGS[level];
  return <Tag {...props} />;
}
