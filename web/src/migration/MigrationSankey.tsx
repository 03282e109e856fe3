import type { ECElementEvent, EChartsOption } from 'echarts';
import { useCallback, useMemo } from 'react';
import type { FromKey, Migration, ToKey } from '../../../src/contracts/insights/migration';
import { EChart } from '../charts/EChart';
import { formatNumber } from '../common/format';
import { useI18n } from '../i18n/i18n';
import { KEY_COLORS } from '../overview/tier-colors';
import { keyName } from './key-names';

/**
 * The tier movements between two runs as a Sankey: the `from` run's tiers on the left, the `to` run's on the right,
 * in tier order. Clicking a link calls `onLink` with its cell (when given).
 */
export function MigrationSankey(props: {
  migration: Migration;
  onLink?: (from: FromKey, to: ToKey) => void;
}) {
  const { t, lang } = useI18n();
  const { migration, onLink } = props;
  const label = useCallback(
    (id: string) => {
      const [side, key = ''] = id.split(':');
      return `${keyName(key, lang, t)} (${side === 'from' ? t('migration.side.from') : t('migration.side.to')})`;
    },
    [lang, t],
  );
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const e = p as {
            dataType?: string;
            data: { source?: string; target?: string; value: number };
            name: string;
          };
          if (e.dataType === 'edge')
            return `${label(e.data.source ?? '')} → ${label(e.data.target ?? '')}: ${formatNumber(e.data.value, lang)}`;
          return `${label(e.name)}: ${formatNumber(e.data.value, lang)}`;
        },
      },
      // Drawn at once: the growing-links animation left half-drawn charts in screenshots and on slow tablets.
      animation: false,
      series: [
        {
          type: 'sankey',
          left: 150,
          right: 150,
          top: 8,
          bottom: 8,
          nodeGap: 12,
          layoutIterations: 0,
          draggable: false,
          emphasis: { focus: 'adjacency' },
          label: { formatter: (p: { name: string }) => label(p.name), width: 140, overflow: 'truncate' },
          lineStyle: { color: 'source', opacity: 0.35, curveness: 0.5 },
          data: migration.nodes.map((n) => ({
            name: n.id,
            value: n.customers,
            depth: n.side === 'from' ? 0 : 1,
            label: { position: n.side === 'from' ? 'left' : 'right' },
            itemStyle: { color: KEY_COLORS[n.key] ?? '#6b7280' },
          })),
          links: migration.links.map((l) => ({
            source: l.source,
            target: l.target,
            value: l.customers,
            from: l.from,
            to: l.to,
          })),
        },
      ],
    }),
    [migration, label, lang],
  );
  const onClick = useCallback(
    (e: ECElementEvent) => {
      const data = e.data as { from?: FromKey; to?: ToKey } | undefined;
      if (onLink && e.dataType === 'edge' && data?.from && data.to) onLink(data.from, data.to);
    },
    [onLink],
  );
  const summary = t('migration.chartLabel', {
    stayed: migration.totals.stayed,
    up: migration.totals.up,
    down: migration.totals.down,
  });
  return (
    <EChart
      option={option}
      label={summary}
      height={Math.max(320, migration.nodes.length * 36)}
      onClick={onLink ? onClick : undefined}
    />
  );
}
