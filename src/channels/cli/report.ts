/** `planbot corpus`: a readable report per plan, or the records as JSON. */
import type { Corpus } from '../../corpus/types.js';

export function corpusJson(corpus: Corpus): string {
  return JSON.stringify(
    {
      plans: corpus.plans.map((p) => ({
        id: p.id,
        file: p.file,
        title: p.title,
        shortName: p.shortName,
        kind: p.kind,
        province: p.province,
        issuer: p.issuer,
        number: p.number,
        date: p.date,
        signer: p.signer,
        signerTitle: p.signerTitle,
        years: [p.yearFrom, p.yearTo],
        replaces: p.replaces,
        deadlines: p.deadlines,
        names: p.names,
        targets: p.targets.map((t) => ({
          indicator: t.indicator,
          text: t.text,
          group: t.group,
          year: t.year,
          value: t.value,
          unit: t.unit,
          comparator: t.comparator,
          scope: t.scope,
          measure: t.measure,
          period: t.period,
          base: t.base,
          monitor: t.monitor,
          implementers: t.implementers,
          monitorPlace: t.monitorPlace && { appendix: t.monitorPlace.path[0], line: t.monitorPlace.line },
          line: t.place.line,
        })),
        tasks: p.tasks.map((t) => ({
          number: t.number,
          appendix: t.appendix,
          part: t.part,
          partCode: t.partCode,
          section: t.section.join(' › '),
          title: t.title,
          lead: t.lead,
          support: t.support,
          time: t.time,
          output: t.output,
          funding: t.funding,
          note: t.note,
          flags: t.flags,
          line: t.place.line,
        })),
        passages: p.passages.length,
        appendices: p.appendices,
        anomalies: p.anomalies,
      })),
      agencies: corpus.agencies,
      skipped: corpus.skipped,
    },
    null,
    2,
  );
}

export function corpusReport(corpus: Corpus): string {
  const out: string[] = [];
  for (const p of corpus.plans) {
    const years = [...new Set(p.targets.map((t) => t.year))].sort();
    const perYear = years.map((y) => `${y}: ${p.targets.filter((t) => t.year === y).length}`).join(', ');
    out.push(`== ${p.shortName}  [${p.file}]`);
    out.push(`   ${p.title}`);
    out.push(
      `   Số ${p.number ?? '—'}, ngày ${p.date ?? '—'}; ký: ${p.signer ?? '—'}${p.signerTitle ? ` (${p.signerTitle})` : ''}${p.replaces ? `; thay thế ${p.replaces}` : ''}`,
    );
    out.push(`   Chỉ tiêu: ${p.targets.length} (${perYear || 'không có'}); nhiệm vụ phụ lục: ${p.tasks.length}; đoạn văn: ${p.passages.length}`);
    const measures = (['count', 'amount'] as const).map((m) => [m, p.targets.filter((t) => t.measure === m).length] as const).filter(([, n]) => n);
    if (measures.length) out.push(`   Chỉ tiêu không phải tỷ lệ: ${measures.map(([m, n]) => `${n} ${m === 'count' ? 'số lượng' : 'số tiền'}`).join(', ')}`);
    for (const a of p.appendices) {
      const what = a.kind === 'monitors' ? 'phân công theo dõi chỉ tiêu' : 'nhiệm vụ';
      const how = a.layout ? `kiểu ${a.layout}, tin cậy ${a.confidence.toFixed(2)}, cột: ${a.columns.join(', ')}` : 'không đọc được';
      out.push(`   ${a.name} (${what}, dòng ${a.line}): ${a.rows} dòng; ${how}`);
    }
    const monitored = p.targets.filter((t) => t.monitor.length).length;
    if (monitored) out.push(`   Chỉ tiêu có cơ quan theo dõi (phụ lục): ${monitored}`);
    for (const d of p.deadlines) out.push(`   Thời hạn: ${d.date}`);
    if (p.anomalies.length) {
      out.push('   Bất thường:');
      for (const a of p.anomalies) out.push(`   - [${a.kind}] ${a.message}`);
    }
    out.push('');
  }
  out.push(`Đơn vị (agencies): ${corpus.agencies.length}`);
  if (corpus.skipped.length) {
    out.push('Tệp bỏ qua:');
    for (const s of corpus.skipped) out.push(`- ${s.file}: ${s.reason}`);
  }
  return out.join('\n');
}
