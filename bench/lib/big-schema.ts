/** A synthetic schema of `n` models for generator benchmarks: scalars of every common kind and a relation chain. */
export function bigSchema(n: number): string {
  const out = ['datasource db {\n  provider = "sqlite"\n  url      = "file:./dev.db"\n}\n', 'generator client {\n  provider = "codegen"\n  output   = "../generated"\n}\n', 'enum Status {\n  ACTIVE\n  ARCHIVED\n}\n'];
  for (let i = 0; i < n; i++) {
    const lines = [
      `/// Model number ${i}.`,
      `model M${i} {`,
      '  id        Int      @id @default(autoincrement())',
      '  name      String',
      '  slug      String   @unique',
      '  count     Int      @default(0)',
      '  ratio     Float?',
      '  active    Boolean  @default(true)',
      '  status    Status   @default(ACTIVE)',
      '  createdAt DateTime @default(now())',
      '  updatedAt DateTime @updatedAt',
    ];
    if (i > 0) lines.push(`  parentId  Int?`, `  parent    M${i - 1}? @relation(fields: [parentId], references: [id])`, '', '  @@index([parentId])');
    if (i < n - 1) lines.splice(lines.length - (i > 0 ? 2 : 0), 0, `  children  M${i + 1}[]`);
    lines.push('}\n');
    out.push(lines.join('\n'));
  }
  return out.join('\n');
}
