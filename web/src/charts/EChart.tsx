import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';

/**
 * One ECharts chart: created once, updated with each option, resized with its box, disposed on unmount. `label`
 * names the chart for screen readers (ECharts draws on a canvas); `onClick` receives the clicked item's params.
 */
export function EChart(props: {
  option: echarts.EChartsOption;
  label: string;
  height?: number;
  onClick?: (params: echarts.ECElementEvent) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const { option, onClick } = props;

  useEffect(() => {
    if (!box.current) return undefined;
    const c = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, ...option }, true);
  }, [option]);

  useEffect(() => {
    const c = chart.current;
    if (!c || !onClick) return undefined;
    c.on('click', onClick);
    return () => {
      c.off('click', onClick);
    };
  }, [onClick]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={props.label}
      style={{ width: '100%', height: props.height ?? 320 }}
    />
  );
}
