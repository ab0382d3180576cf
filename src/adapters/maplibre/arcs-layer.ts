// The arcs of a many-homes atlas drawn on the GPU: a MapLibre custom layer fed from the typed arrays of
// src/domain/arcs.ts. The geometry is uploaded once per dataset; a filter change, a comparison or a playback year
// uploads one byte per vertex (which class each arc is in, 0 = hidden), and panning costs nothing on the CPU. The
// cumulative playback also gives each arc its first year (domain/arcs.ts playbackArcs), uploaded once: a year step
// then sets one uniform (u_year), not a byte per vertex.
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import { ARC_NEVER, type ArcGeometry } from '../../domain/arcs';

export const ARCS_LAYER = 'home-arcs';

const VERTEX = `#version 300 es
uniform mat4 u_matrix;
// Which world copy: the arcs are drawn once per copy on screen, shifted by whole worlds (Mercator x + n).
uniform float u_world;
// The playback year: an arc whose first year is later is hidden (years 0 and u_year 65535 outside playback).
uniform float u_year;
in vec2 a_pos;
in float a_class;
in float a_year;
flat out int v_class;
void main() {
  v_class = a_year > u_year ? 0 : int(a_class + 0.5);
  // A hidden arc (class 0) is moved outside the clip volume: no fragment is drawn for it.
  gl_Position = v_class == 0 ? vec4(2.0, 2.0, 2.0, 1.0) : u_matrix * vec4(a_pos.x + u_world, a_pos.y, 0.0, 1.0);
}`;

const FRAGMENT = `#version 300 es
precision mediump float;
uniform vec4 u_colours[4];
flat in int v_class;
out vec4 colour;
void main() {
  colour = u_colours[v_class];
}`;

/** Web Mercator x, y in 0..1 (x past 1 east of the antimeridian, as the unwrapped longitudes go). */
function mercator(positions: Float32Array): Float32Array {
  const out = new Float32Array(positions.length);
  for (let i = 0; i < positions.length; i += 2) {
    const lat = Math.max(-85, Math.min(85, positions[i + 1]!));
    out[i] = (positions[i]! + 180) / 360;
    out[i + 1] = 0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);
  }
  return out;
}

/** The smallest and largest Mercator x of the arcs (unwrapped: x may pass 1 east of the antimeridian, or be below 0). */
function xRange(mercatorPositions: Float32Array): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < mercatorPositions.length; i += 2) {
    const x = mercatorPositions[i]!;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return [min, max];
}

/** At most this many world copies are drawn (zoomed far out on a wide screen). */
const MAX_WORLDS = 8;

/**
 * The whole-world shifts at which arcs spanning Mercator x in [min, max] meet the view's [west, east] (Mercator x,
 * past 0..1 where the map shows world copies): every copy on screen, so that panning sideways never loses an arc.
 */
export function worldCopies(min: number, max: number, west: number, east: number): number[] {
  if (!(min <= max)) return [];
  const first = Math.floor(west - max);
  const last = Math.ceil(east - min);
  const out: number[] = [];
  for (let n = first; n <= last && out.length < MAX_WORLDS; n += 1) if (min + n <= east && max + n >= west) out.push(n);
  return out;
}

/** Segment endpoints for gl.LINES: each arc's consecutive points. */
function segmentIndices(count: number, points: number): Uint32Array {
  const out = new Uint32Array(count * (points - 1) * 2);
  let k = 0;
  for (let arc = 0; arc < count; arc += 1)
    for (let i = 0; i < points - 1; i += 1) {
      out[k++] = arc * points + i;
      out[k++] = arc * points + i + 1;
    }
  return out;
}

const hexToRgba = (hex: string, alpha: number) => [
  (Number.parseInt(hex.slice(1, 3), 16) / 255) * alpha,
  (Number.parseInt(hex.slice(3, 5), 16) / 255) * alpha,
  (Number.parseInt(hex.slice(5, 7), 16) / 255) * alpha,
  alpha,
];

/** Colours by class: [unused, class 1, class 2, class 3] (premultiplied; MapLibre blends premultiplied alpha). */
export type ArcColours = readonly [string, string, string, string];

export class ArcsLayer implements CustomLayerInterface {
  readonly id = ARCS_LAYER;
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  private gl: WebGL2RenderingContext | null = null;
  private map: MapLibreMap | null = null;
  private program: WebGLProgram | null = null;
  private vao: WebGLVertexArrayObject | null = null;
  private classBuffer: WebGLBuffer | null = null;
  private yearBuffer: WebGLBuffer | null = null;
  private buffers: WebGLBuffer[] = [];
  private geometry: ArcGeometry | null = null;
  private uploaded: ArcGeometry | null = null;
  private vertexClass = new Uint8Array(0);
  private vertexYear = new Uint16Array(0);
  private arcClass: Uint8Array | null = null;
  private arcYear: Uint16Array | null = null;
  private year = ARC_NEVER;
  private classesDirty = false;
  private segments = 0;
  private xSpan: [number, number] = [0, 0];
  private colours = new Float32Array(16);

  constructor(colours: ArcColours, alpha: number) {
    this.setColours(colours, alpha);
  }

  setColours(colours: ArcColours, alpha: number): void {
    this.colours = Float32Array.from(colours.flatMap((c) => hexToRgba(c, alpha)));
    this.map?.triggerRepaint();
  }

  /**
   * The arcs to draw (once per dataset), each arc's class (0 = hidden) and first year (null: every year), as often as
   * they change; `year`, the playback year they are drawn at. The same arrays again (a playback year step) upload
   * nothing: only the year changes.
   */
  set(geometry: ArcGeometry, arcClass: Uint8Array, arcYear: Uint16Array | null = null, year = ARC_NEVER): void {
    const same = geometry === this.geometry && arcClass === this.arcClass && arcYear === this.arcYear;
    this.year = year;
    if (same) {
      this.map?.triggerRepaint();
      return;
    }
    const points = geometry.pointsPerArc;
    if (this.vertexClass.length !== geometry.count * points) {
      this.vertexClass = new Uint8Array(geometry.count * points);
      this.vertexYear = new Uint16Array(geometry.count * points);
    }
    const classes = this.vertexClass;
    for (let arc = 0; arc < geometry.count; arc += 1) classes.fill(arcClass[arc]!, arc * points, (arc + 1) * points);
    const years = this.vertexYear;
    if (arcYear) for (let arc = 0; arc < geometry.count; arc += 1) years.fill(arcYear[arc]!, arc * points, (arc + 1) * points);
    else if (this.arcYear || geometry !== this.geometry) years.fill(0);
    this.geometry = geometry;
    this.arcClass = arcClass;
    this.arcYear = arcYear;
    this.classesDirty = true;
    this.map?.triggerRepaint();
  }

  onAdd(map: MapLibreMap, gl: WebGL2RenderingContext): void {
    this.map = map;
    this.gl = gl;
    const shader = (type: number, source: string) => {
      const s = gl.createShader(type)!;
      gl.shaderSource(s, source);
      gl.compileShader(s);
      return s;
    };
    const program = gl.createProgram()!;
    gl.attachShader(program, shader(gl.VERTEX_SHADER, VERTEX));
    gl.attachShader(program, shader(gl.FRAGMENT_SHADER, FRAGMENT));
    gl.linkProgram(program);
    this.program = program;
  }

  private upload(gl: WebGL2RenderingContext, geometry: ArcGeometry): void {
    for (const b of this.buffers) gl.deleteBuffer(b);
    if (this.vao) gl.deleteVertexArray(this.vao);
    const program = this.program!;
    this.vao = gl.createVertexArray();
    gl.bindVertexArray(this.vao);
    // One buffer per attribute, bound to the vertex array.
    const attribute = (name: string, data: ArrayBufferView, size: number, type: number, usage: number) => {
      const buffer = gl.createBuffer()!;
      gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
      gl.bufferData(gl.ARRAY_BUFFER, data, usage);
      const location = gl.getAttribLocation(program, name);
      gl.enableVertexAttribArray(location);
      gl.vertexAttribPointer(location, size, type, false, 0, 0);
      return buffer;
    };
    const projected = mercator(geometry.positions);
    this.xSpan = xRange(projected);
    const positions = attribute('a_pos', projected, 2, gl.FLOAT, gl.STATIC_DRAW);
    const classes = attribute('a_class', this.vertexClass, 1, gl.UNSIGNED_BYTE, gl.DYNAMIC_DRAW);
    const years = attribute('a_year', this.vertexYear, 1, gl.UNSIGNED_SHORT, gl.DYNAMIC_DRAW);
    const indices = gl.createBuffer()!;
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, indices);
    const segments = segmentIndices(geometry.count, geometry.pointsPerArc);
    gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, segments, gl.STATIC_DRAW);
    this.segments = segments.length;
    gl.bindVertexArray(null);
    this.classBuffer = classes;
    this.yearBuffer = years;
    this.buffers = [positions, classes, years, indices];
    this.uploaded = geometry;
    this.classesDirty = false;
  }

  render(gl: WebGL2RenderingContext, options: CustomRenderMethodInput): void {
    const geometry = this.geometry;
    if (!geometry || !this.program || geometry.count === 0) return;
    if (this.uploaded !== geometry) this.upload(gl, geometry);
    else if (this.classesDirty) {
      gl.bindBuffer(gl.ARRAY_BUFFER, this.classBuffer);
      gl.bufferSubData(gl.ARRAY_BUFFER, 0, this.vertexClass);
      gl.bindBuffer(gl.ARRAY_BUFFER, this.yearBuffer);
      gl.bufferSubData(gl.ARRAY_BUFFER, 0, this.vertexYear);
      this.classesDirty = false;
    }
    // biome-ignore lint/correctness/useHookAtTopLevel: WebGL's useProgram, not a React hook
    gl.useProgram(this.program);
    gl.uniformMatrix4fv(gl.getUniformLocation(this.program, 'u_matrix'), false, new Float32Array(options.defaultProjectionData.mainMatrix));
    gl.uniform4fv(gl.getUniformLocation(this.program, 'u_colours'), this.colours);
    gl.uniform1f(gl.getUniformLocation(this.program, 'u_year'), this.year);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.bindVertexArray(this.vao);
    const world = gl.getUniformLocation(this.program, 'u_world');
    const bounds = this.map?.getBounds();
    const west = bounds ? (bounds.getWest() + 180) / 360 : 0;
    const east = bounds ? (bounds.getEast() + 180) / 360 : 1;
    for (const n of worldCopies(this.xSpan[0], this.xSpan[1], west, east)) {
      gl.uniform1f(world, n);
      gl.drawElements(gl.LINES, this.segments, gl.UNSIGNED_INT, 0);
    }
    gl.bindVertexArray(null);
  }

  onRemove(): void {
    const gl = this.gl;
    if (gl) {
      for (const b of this.buffers) gl.deleteBuffer(b);
      if (this.vao) gl.deleteVertexArray(this.vao);
      if (this.program) gl.deleteProgram(this.program);
    }
    this.buffers = [];
    this.vao = null;
    this.program = null;
    this.uploaded = null;
    this.map = null;
    this.gl = null;
  }
}

/** What the map draws of a many-homes atlas's arcs: the geometry, each arc's class, and the colours by class. */
export interface ArcsData {
  geometry: ArcGeometry;
  arcClass: Uint8Array;
  /** Each arc's first year and the year drawn (a cumulative playback, domain/arcs.ts playbackArcs); else every arc's class alone. */
  arcYear?: Uint16Array | null;
  year?: number;
  colours: ArcColours;
  alpha: number;
}

/** The arcs layer on a map: added under the markers once the style has loaded and there are arcs; removed with none. */
export class ArcsOverlay {
  private layer: ArcsLayer | null = null;
  private pending: ArcsData | null = null;

  /** `ready`: the map's `load` has passed (MapController knows); else loaded() is called when it does. */
  constructor(
    private readonly map: MapLibreMap,
    private readonly beforeId: string,
    private ready: boolean,
  ) {}

  set(data: ArcsData | null): void {
    this.pending = data;
    this.apply();
  }

  loaded(): void {
    this.ready = true;
    this.apply();
  }

  private apply(): void {
    if (!this.ready) return;
    const data = this.pending;
    if (!data) {
      if (this.layer && this.map.getLayer(ARCS_LAYER)) this.map.removeLayer(ARCS_LAYER);
      this.layer = null;
      return;
    }
    if (!this.layer) {
      this.layer = new ArcsLayer(data.colours, data.alpha);
      this.map.addLayer(this.layer, this.map.getLayer(this.beforeId) ? this.beforeId : undefined);
    } else this.layer.setColours(data.colours, data.alpha);
    this.layer.set(data.geometry, data.arcClass, data.arcYear ?? null, data.year ?? ARC_NEVER);
  }
}
