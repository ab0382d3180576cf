// The arcs of a many-homes atlas drawn on the GPU: a MapLibre custom layer fed from the typed arrays of
// src/domain/arcs.ts. The geometry is uploaded once per dataset; a filter change, a comparison or a playback uploads
// one byte per vertex (which class each arc is in) and the segments of the arcs shown, ordered by first year
// (drawOrder), so that a hidden arc costs nothing and a cumulative playback's year step sets a range, not a byte per
// vertex. Panning costs nothing on the CPU.
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import { ARC_NEVER, type ArcGeometry } from '../../domain/arcs';
import { countPass, type CountState, type DrawOrder, drawOrder, endAt, mercator, worldCopies, xRange } from './arcs-passes';

export const ARCS_LAYER = 'home-arcs';

// The arcs are counted into a texture of the canvas's size (one channel per class: how many arcs cover each pixel),
// redrawn only when the camera, the canvas or the arcs change; every map drawing then composites that texture in one
// full-canvas pass. With software GL (SwiftShader) each arc's fragments are CPU work: a playback year or a map drawing
// caused by another source (the markers' setData) used to draw all 40,000 arcs again. A playback year draws only the
// arcs whose first year it adds (the count only grows in the cumulative playback).
const COUNT_VERTEX = `#version 300 es
uniform mat4 u_matrix;
// Which world copy: the arcs are drawn once per copy on screen, shifted by whole worlds (Mercator x + n).
uniform float u_world;
// Only the arcs drawn are in the index buffer (drawOrder): a hidden arc costs no vertex.
in vec2 a_pos;
in float a_class;
flat out int v_class;
void main() {
  v_class = int(a_class + 0.5);
  gl_Position = u_matrix * vec4(a_pos.x + u_world, a_pos.y, 0.0, 1.0);
}`;

// One count (1/255) in the class's channel, added (blendFunc ONE, ONE): exact up to 255 arcs over a pixel, where even
// the faintest alpha (0.08) has covered the pixel to within 1e-9.
const COUNT_FRAGMENT = `#version 300 es
precision mediump float;
flat in int v_class;
out vec4 colour;
void main() {
  colour = vec4(v_class == 1 ? 1.0 : 0.0, v_class == 2 ? 1.0 : 0.0, v_class == 3 ? 1.0 : 0.0, 0.0) / 255.0;
}`;

const COMPOSITE_VERTEX = `#version 300 es
in vec2 a_corner;
void main() {
  gl_Position = vec4(a_corner, 0.0, 1.0);
}`;

// n arcs of colour c and alpha a drawn over each other (premultiplied, blendFunc ONE, ONE_MINUS_SRC_ALPHA) give
// c (1 - (1 - a)^n) over what was below. Arcs of several classes (a comparison) were drawn in the arcs' order, which
// mixes the classes' colours: here mixed by their counts, under the cover of all of them.
const COMPOSITE_FRAGMENT = `#version 300 es
precision highp float;
uniform highp sampler2D u_counts;
uniform vec3 u_colours[4];
uniform float u_alpha;
out vec4 colour;
void main() {
  vec3 n = floor(texelFetch(u_counts, ivec2(gl_FragCoord.xy), 0).rgb * 255.0 + 0.5);
  float all = n.r + n.g + n.b;
  float cover = 1.0 - pow(1.0 - u_alpha, all);
  vec3 mixed = (n.r * u_colours[1] + n.g * u_colours[2] + n.b * u_colours[3]) / max(all, 1.0);
  colour = vec4(mixed * cover, cover);
}`;

const hexToRgb = (hex: string) => [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255);

/** Colours by class: [unused, class 1, class 2, class 3] (the composite mixes them by count, premultiplied by their cover). */
export type ArcColours = readonly [string, string, string, string];

function program(gl: WebGL2RenderingContext, vertex: string, fragment: string): WebGLProgram {
  const shader = (type: number, source: string) => {
    const s = gl.createShader(type)!;
    gl.shaderSource(s, source);
    gl.compileShader(s);
    return s;
  };
  const p = gl.createProgram()!;
  gl.attachShader(p, shader(gl.VERTEX_SHADER, vertex));
  gl.attachShader(p, shader(gl.FRAGMENT_SHADER, fragment));
  gl.linkProgram(p);
  return p;
}

/** The count texture and its framebuffer, as large as the canvas. */
interface CountTarget {
  texture: WebGLTexture;
  framebuffer: WebGLFramebuffer;
  width: number;
  height: number;
}

export class ArcsLayer implements CustomLayerInterface {
  readonly id = ARCS_LAYER;
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  private gl: WebGL2RenderingContext | null = null;
  private map: MapLibreMap | null = null;
  private countProgram: WebGLProgram | null = null;
  private compositeProgram: WebGLProgram | null = null;
  private vao: WebGLVertexArrayObject | null = null;
  private quad: { vao: WebGLVertexArrayObject; buffer: WebGLBuffer } | null = null;
  private target: CountTarget | null = null;
  private classBuffer: WebGLBuffer | null = null;
  private indexBuffer: WebGLBuffer | null = null;
  private buffers: WebGLBuffer[] = [];
  private geometry: ArcGeometry | null = null;
  private uploaded: ArcGeometry | null = null;
  private vertexClass = new Uint8Array(0);
  private order: DrawOrder = { indices: new Uint32Array(0), years: [], ends: [] };
  private arcClass: Uint8Array | null = null;
  private arcYear: Uint16Array | null = null;
  private year = ARC_NEVER;
  private classesDirty = false;
  /** Bumped whenever the arcs' classes or years change: the count texture is then counted again. */
  private version = 0;
  private counted: CountState | null = null;
  private xSpan: [number, number] = [0, 0];
  private colours = new Float32Array(12);
  private alpha = 1;
  /** How often the arcs were counted into the texture, in full and by added years (tests and benchmarks read it). */
  readonly passes = { full: 0, added: 0, composites: 0 };

  constructor(colours: ArcColours, alpha: number) {
    this.setColours(colours, alpha);
  }

  setColours(colours: ArcColours, alpha: number): void {
    const rgb = Float32Array.from(colours.flatMap(hexToRgb));
    const same = alpha === this.alpha && rgb.every((v, i) => v === this.colours[i]);
    this.colours = rgb;
    this.alpha = alpha;
    if (!same) this.map?.triggerRepaint();
  }

  /**
   * The arcs to draw (once per dataset), each arc's class (0 = hidden) and first year (null: every year), as often as
   * they change; `year`, the playback year they are drawn at. The same arrays again (a playback year step) upload
   * nothing: only the year changes.
   */
  set(geometry: ArcGeometry, arcClass: Uint8Array, arcYear: Uint16Array | null = null, year = ARC_NEVER): void {
    const same = geometry === this.geometry && arcClass === this.arcClass && arcYear === this.arcYear;
    const yearChanged = year !== this.year;
    this.year = year;
    if (same) {
      if (yearChanged) this.map?.triggerRepaint();
      return;
    }
    const points = geometry.pointsPerArc;
    if (this.vertexClass.length !== geometry.count * points) this.vertexClass = new Uint8Array(geometry.count * points);
    const classes = this.vertexClass;
    for (let arc = 0; arc < geometry.count; arc += 1) classes.fill(arcClass[arc]!, arc * points, (arc + 1) * points);
    this.order = drawOrder(geometry.count, points, arcClass, arcYear);
    this.geometry = geometry;
    this.arcClass = arcClass;
    this.arcYear = arcYear;
    this.classesDirty = true;
    this.version += 1;
    this.map?.triggerRepaint();
  }

  onAdd(map: MapLibreMap, gl: WebGL2RenderingContext): void {
    this.map = map;
    this.gl = gl;
    this.countProgram = program(gl, COUNT_VERTEX, COUNT_FRAGMENT);
    this.compositeProgram = program(gl, COMPOSITE_VERTEX, COMPOSITE_FRAGMENT);
    const vao = gl.createVertexArray()!;
    gl.bindVertexArray(vao);
    const buffer = gl.createBuffer()!;
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    // One triangle over the whole canvas.
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 3, -1, -1, 3]), gl.STATIC_DRAW);
    const corner = gl.getAttribLocation(this.compositeProgram, 'a_corner');
    gl.enableVertexAttribArray(corner);
    gl.vertexAttribPointer(corner, 2, gl.FLOAT, false, 0, 0);
    gl.bindVertexArray(null);
    this.quad = { vao, buffer };
  }

  private upload(gl: WebGL2RenderingContext, geometry: ArcGeometry): void {
    for (const b of this.buffers) gl.deleteBuffer(b);
    if (this.vao) gl.deleteVertexArray(this.vao);
    const program = this.countProgram!;
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
    const indices = gl.createBuffer()!;
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, indices);
    gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, this.order.indices, gl.DYNAMIC_DRAW);
    gl.bindVertexArray(null);
    this.classBuffer = classes;
    this.indexBuffer = indices;
    this.buffers = [positions, classes, indices];
    this.uploaded = geometry;
    this.classesDirty = false;
  }

  /** The count texture at the canvas's size (made again when the canvas is resized). */
  private countTarget(gl: WebGL2RenderingContext): CountTarget {
    const width = gl.drawingBufferWidth;
    const height = gl.drawingBufferHeight;
    const held = this.target;
    if (held && held.width === width && held.height === height) return held;
    if (held) {
      gl.deleteFramebuffer(held.framebuffer);
      gl.deleteTexture(held.texture);
    }
    const texture = gl.createTexture()!;
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RGBA8, width, height);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    const framebuffer = gl.createFramebuffer()!;
    gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, texture, 0);
    this.target = { texture, framebuffer, width, height };
    this.counted = null;
    return this.target;
  }

  /** MapLibre's offscreen pass, before the map's own: counts the arcs into the texture when they or the camera changed. */
  prerender(gl: WebGL2RenderingContext, options: CustomRenderMethodInput): void {
    const geometry = this.geometry;
    const program = this.countProgram;
    // A canvas of no size (a hidden map) has no texture to count into.
    if (!geometry || !program || geometry.count === 0 || gl.drawingBufferWidth === 0 || gl.drawingBufferHeight === 0) return;
    if (this.uploaded !== geometry) this.upload(gl, geometry);
    else if (this.classesDirty) {
      gl.bindBuffer(gl.ARRAY_BUFFER, this.classBuffer);
      gl.bufferSubData(gl.ARRAY_BUFFER, 0, this.vertexClass);
      // The element buffer is the vertex array's: bound with it.
      gl.bindVertexArray(this.vao);
      gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, this.indexBuffer);
      gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, this.order.indices, gl.DYNAMIC_DRAW);
      gl.bindVertexArray(null);
      this.classesDirty = false;
    }
    const target = this.countTarget(gl);
    const matrix = options.defaultProjectionData.mainMatrix;
    const wanted: CountState = { matrix: Array.from(matrix), width: target.width, height: target.height, version: this.version, year: this.year };
    const pass = countPass(this.counted, wanted);
    if (!pass) return;
    gl.bindFramebuffer(gl.FRAMEBUFFER, target.framebuffer);
    gl.viewport(0, 0, target.width, target.height);
    if (pass.clear) {
      gl.clearColor(0, 0, 0, 0);
      gl.clear(gl.COLOR_BUFFER_BIT);
    }
    // biome-ignore lint/correctness/useHookAtTopLevel: WebGL's useProgram, not a React hook
    gl.useProgram(program);
    gl.uniformMatrix4fv(gl.getUniformLocation(program, 'u_matrix'), false, new Float32Array(matrix));
    gl.disable(gl.DEPTH_TEST);
    gl.disable(gl.STENCIL_TEST);
    gl.enable(gl.BLEND);
    gl.blendEquation(gl.FUNC_ADD);
    gl.blendFunc(gl.ONE, gl.ONE);
    gl.bindVertexArray(this.vao);
    const world = gl.getUniformLocation(program, 'u_world');
    const bounds = this.map?.getBounds();
    const west = bounds ? (bounds.getWest() + 180) / 360 : 0;
    const east = bounds ? (bounds.getEast() + 180) / 360 : 1;
    // The arcs whose first year is after `from` and not after the year: one range of the ordered segments.
    const start = pass.from < 0 ? 0 : endAt(this.order, pass.from);
    const end = endAt(this.order, this.year);
    if (end > start)
      for (const n of worldCopies(this.xSpan[0], this.xSpan[1], west, east)) {
        gl.uniform1f(world, n);
        gl.drawElements(gl.LINES, end - start, gl.UNSIGNED_INT, start * 4);
      }
    gl.bindVertexArray(null);
    this.counted = wanted;
    if (pass.clear) this.passes.full += 1;
    else this.passes.added += 1;
  }

  /** MapLibre's drawing of the layer: the counted arcs, coloured and blended over the map in one pass. */
  render(gl: WebGL2RenderingContext): void {
    const program = this.compositeProgram;
    const target = this.target;
    if (!this.geometry || this.geometry.count === 0 || !program || !target || !this.quad || !this.counted) return;
    // biome-ignore lint/correctness/useHookAtTopLevel: WebGL's useProgram, not a React hook
    gl.useProgram(program);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, target.texture);
    gl.uniform1i(gl.getUniformLocation(program, 'u_counts'), 0);
    gl.uniform3fv(gl.getUniformLocation(program, 'u_colours'), this.colours);
    gl.uniform1f(gl.getUniformLocation(program, 'u_alpha'), this.alpha);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.bindVertexArray(this.quad.vao);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
    gl.bindVertexArray(null);
    this.passes.composites += 1;
  }

  onRemove(): void {
    const gl = this.gl;
    if (gl) {
      for (const b of this.buffers) gl.deleteBuffer(b);
      if (this.vao) gl.deleteVertexArray(this.vao);
      if (this.quad) {
        gl.deleteVertexArray(this.quad.vao);
        gl.deleteBuffer(this.quad.buffer);
      }
      if (this.target) {
        gl.deleteFramebuffer(this.target.framebuffer);
        gl.deleteTexture(this.target.texture);
      }
      if (this.countProgram) gl.deleteProgram(this.countProgram);
      if (this.compositeProgram) gl.deleteProgram(this.compositeProgram);
    }
    this.buffers = [];
    this.vao = null;
    this.quad = null;
    this.target = null;
    this.counted = null;
    this.countProgram = null;
    this.compositeProgram = null;
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
